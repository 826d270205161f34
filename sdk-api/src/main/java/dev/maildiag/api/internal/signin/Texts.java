package dev.maildiag.api.internal.signin;

import java.util.regex.Pattern;

/** Short texts for evidence and interpreters, from what an identity platform's pages say. */
final class Texts {
  private static final Pattern TAGS = Pattern.compile("(?s)<script.*?</script>|<style.*?</style>|<[^>]{0,2000}>");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Texts() {}

  static String cap(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  /** The visible words of an HTML page, on one line. */
  static String visible(String html) {
    String text = TAGS.matcher(html).replaceAll(" ")
        .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    return SPACE.matcher(text).replaceAll(" ").strip();
  }
}
