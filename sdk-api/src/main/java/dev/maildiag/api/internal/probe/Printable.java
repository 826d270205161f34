package dev.maildiag.api.internal.probe;

import dev.maildiag.api.internal.Redactor;

/** Makes server text safe to show: no secret, printable characters only, and short. */
final class Printable {
  static final int MAX = 300;

  private Printable() {}

  static String of(String text) {
    if (text == null) {
      return "";
    }
    // redact before shortening: a secret cut in half by the limit would no longer be recognised
    text = Redactor.current().redact(text.strip());
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX + 1));
    for (int i = 0; i < text.length() && sb.length() < MAX; i++) {
      char c = text.charAt(i);
      sb.append(c >= 0x20 && c != 0x7f && c != 0xfffd ? c : '?');
    }
    if (text.length() > MAX) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** True when the text looks like protocol text rather than binary data. */
  static boolean isMostlyText(String text) {
    if (text.isEmpty()) {
      return true;
    }
    long odd = text.chars().filter(c -> c < 0x20 && c != '\t' || c == 0x7f || c == 0xfffd || c > 0x7e && c < 0xa0).count();
    return odd * 20 < text.length();
  }
}
