package dev.maildiag.api.internal.report;

/**
 * Makes control characters in text that may come from a peer visible instead of letting them act: a server
 * answer's ESC sequence, CR/LF or bidirectional override becomes text such as {@code \u001b}, {@code ␍} and
 * {@code ␊}. Formats then escape their own syntax (HTML, Markdown) on top.
 */
public final class VisibleText {
  private VisibleText() {}

  /**
   * Every control character made visible. With {@code breakLines}, a line feed is kept after its mark so that
   * multi-line answers still read as lines (HTML's {@code pre-wrap}); without, the result is one line.
   */
  public static String of(String text, boolean breakLines) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String shown = shown(c, breakLines);
      if (shown != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (shown == null) {
          out.append(c);
        } else {
          out.append(shown);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String shown(char c, boolean breakLines) {
    if (c == '\t') {
      return null;
    }
    if (c == '\r') {
      return "\u240d";
    }
    if (c == '\n') {
      return breakLines ? "\u240a\n" : "\u240a";
    }
    // C0, DEL, C1, bidirectional embeddings, overrides and isolates, line/paragraph separators, BOM
    if (c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
        || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
      return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }
    return null;
  }
}
