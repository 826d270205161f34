package dev.maildiag.api.internal.report;

/**
 * Makes text safe for a terminal: a server's folder name or answer with an escape sequence would
 * otherwise recolour, move or clear the screen, and a CR or LF would forge lines of its own. Control
 * characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides are printed as
 * escapes ({@code \e}, {@code \r}, {@code \x07}, {@code \u202e}).
 */
public final class TerminalText {
  private TerminalText() {}

  /** One line: every control character escaped, line breaks too. */
  public static String line(String text) {
    return escape(text, false);
  }

  /** A block of lines: line feeds kept, every other control character escaped. */
  public static String block(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepNewlines) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = c == '\n' && keepNewlines ? null : replacement(c);
      if (replacement != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (replacement != null) {
          sb.append(replacement);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static String replacement(char c) {
    if (c == '\t') {
      return null;
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
      return switch (c) {
        case '\r' -> "\\r";
        case '\n' -> "\\n";
        case 0x1b -> "\\e";
        default -> String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
      };
    }
    if (c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f) {
      return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }
    return null;
  }
}
