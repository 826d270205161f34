package dev.maildiag.api.internal.explain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a pasted error text into what the signature rows read: lower case, one space for any run of white space,
 * without stack frames (Java, .NET in any language, Python, Node, PHP, Go), with JSON string escapes, HTML tags
 * and entities and URL encoding undone, and with each base64 JSON object (Gmail's XOAUTH2 error challenge)
 * decoded and appended. The client's own XOAUTH2 response ({@code user=...auth=Bearer ...}) is never decoded.
 *
 * <p>Every step is one pass over the text (no backtracking patterns), so a 1 MiB paste costs milliseconds.
 * The last result is remembered per thread, so the tables asked about one observation normalise it once.
 */
public final class TextNormaliser {
  /** The prefilter literal that announces an encoded challenge (base64 of {@code {"status"}). */
  public static final Set<String> DECODED_KEYWORDS = Set.of("eyJzdGF0dXMi");
  private static final int MAX_LINE_FOR_FRAME = 2000;
  /** Java {@code at a.b.C.m(C.java:1)}, Node {@code at fn (file.js:1:2)}, .NET in any language {@code bei A.B.C()}. */
  private static final Pattern FRAME = Pattern.compile(
      "\\s{0,40}(?:at|bei|à|в|在|en|em|w|v|ved|bij|alle|på|konum|sur|at:)\\s[\\w$.`<>\\[\\],+/:-]{1,400}\\s?\\(.{0,600}"
          + "|\\s{0,40}at\\s(?:/|node:|file:|internal/|async\\s|new\\s|Object\\.|process\\.).{0,600}"
          + "|\\s{0,40}\\.\\.\\.\\s\\d+\\s(?:more|common frames omitted).{0,40}"
          + "|\\s{0,40}#\\d{1,4}\\s(?:/|\\{main}|\\[internal).{0,600}"
          + "|\\s{0,40}File\\s\".{0,400}\",\\sline\\s\\d+.{0,200}"
          + "|\\s{0,40}/\\S{0,400}\\.go:\\d+.{0,60}|goroutine\\s\\d+\\s\\[.{0,60}"
          + "|\\s{0,40}---\\s?(?:End of|Ende der|Fin de la).{0,200}");
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  private TextNormaliser() {}

  /** The normalised form of {@code text}; the same String instance asked twice in a row is normalised once. */
  public static String normalise(String text) {
    String[] last = LAST.get();
    if (last[0] == text) {
      return last[1];
    }
    String out = compute(text);
    last[0] = text;
    last[1] = out;
    return out;
  }

  static String compute(String text) {
    String body = withoutFrames(text.indexOf('\\') >= 0 ? jsonUnescaped(text) : text);
    if (body.indexOf('<') >= 0 && (body.contains("</") || body.contains("<br") || body.contains("<html"))) {
      body = withoutTags(body);
    }
    if (body.indexOf('&') >= 0) {
      body = entitiesDecoded(body);
    }
    if (body.indexOf('%') >= 0) {
      body = urlDecoded(body);
    }
    String challenges = text.contains("eyJ") ? decodedBase64Json(text) : "";
    return squeezed(body + challenges);
  }

  private static String withoutFrames(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    boolean skipNextIndented = false;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      boolean frame = line.length() <= MAX_LINE_FOR_FRAME && mayBeFrame(line) && FRAME.matcher(line).matches();
      if (!frame && !(skipNextIndented && indented)) {
        out.append(line).append('\n');
      }
      skipNextIndented = frame && line.stripLeading().startsWith("File \"");
      start = end + 1;
    }
    return out.toString();
  }

  /** Every frame has one of these; most lines have none, and skip the pattern. */
  private static boolean mayBeFrame(String line) {
    return line.indexOf('(') >= 0 || line.contains("at ") || line.contains("...") || line.indexOf('#') >= 0 || line.contains(".go:")
        || line.contains("goroutine") || line.contains("---") || line.contains("File \"");
  }

  /** {@code \"}, {@code \n}, {@code \u00e9}, {@code \/}: the escapes of a JSON (or Java or Python) string. */
  private static String jsonUnescaped(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(i + 1);
      switch (n) {
        case 'n' -> { out.append('\n'); i++; }
        case 'r', 't' -> { out.append(' '); i++; }
        case '"', '\'', '/', '\\' -> { out.append(n); i++; }
        case 'u' -> {
          int code = i + 6 <= s.length() ? hex(s, i + 2, i + 6) : -1;
          if (code >= 0) {
            out.append((char) code);
            i += 5;
          } else {
            out.append(c);
          }
        }
        case 'x' -> {
          int code = i + 4 <= s.length() ? hex(s, i + 2, i + 4) : -1;
          if (code >= 0) {
            out.append((char) code);
            i += 3;
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int hex(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static String withoutTags(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int[] nextClose = new int[s.length() + 1]; // where the next '>' is, from each position: one backward pass
    nextClose[s.length()] = -1;
    for (int k = s.length() - 1; k >= 0; k--) {
      nextClose[k] = s.charAt(k) == '>' ? k : nextClose[k + 1];
    }
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '<') {
        int close = nextClose[i];
        boolean tag = close > i && close - i <= 4000 && i + 1 < s.length()
            && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '/' || s.charAt(i + 1) == '!');
        if (tag) {
          String name = s.substring(i + 1, Math.min(close, i + 8)).toLowerCase(Locale.ROOT);
          int skipTo = close + 1;
          if (name.startsWith("script") || name.startsWith("style")) {
            int end = indexWithin(s, '<', close, 1 << 16);
            skipTo = end < 0 ? close + 1 : end; // a script's or style's body is not text; the next tag ends it
          }
          out.append(' ');
          i = skipTo;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The index of {@code c} in {@code s} after {@code from} and at most {@code within} chars on, or -1: a bounded look-ahead. */
  private static int indexWithin(String s, char c, int from, int within) {
    int end = Math.min(s.length(), from + within + 1);
    for (int i = from + 1; i < end; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static String entitiesDecoded(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int semi = c == '&' ? indexWithin(s, ';', i, 10) : -1;
      if (semi > i) {
        String e = s.substring(i + 1, semi);
        String decoded = switch (e) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          case "apos", "#39", "#x27", "#X27", "rsquo", "lsquo" -> "'";
          case "nbsp" -> " ";
          default -> numeric(e);
        };
        if (decoded != null) {
          out.append(decoded);
          i = semi;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String numeric(String e) {
    if (!e.startsWith("#") || e.length() < 2) {
      return null;
    }
    boolean hexForm = e.charAt(1) == 'x' || e.charAt(1) == 'X';
    try {
      int code = Integer.parseInt(e.substring(hexForm ? 2 : 1), hexForm ? 16 : 10);
      return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** {@code %3A} and, in a query string, {@code +}: an {@code error_description} copied from a redirect URL. */
  private static String urlDecoded(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean decodedAny = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int code = c == '%' && i + 3 <= s.length() ? hex(s, i + 1, i + 3) : -1;
      if (code >= 0x20 && code < 0x7f) {
        out.append((char) code);
        i += 2;
        decodedAny = true;
      } else {
        out.append(c);
      }
    }
    if (!decodedAny) {
      return s;
    }
    boolean query = s.contains("error_description=") || s.contains("error=");
    return query ? out.toString().replace('+', ' ') : out.toString();
  }

  /** Base64 runs that decode to a JSON object: Gmail's XOAUTH2 error challenge, a JWT header's neighbours. */
  private static String decodedBase64Json(String text) {
    StringBuilder decoded = new StringBuilder();
    int from = 0;
    while ((from = text.indexOf("eyJ", from)) >= 0) {
      int end = from;
      while (end < text.length() && end - from < 4096 && isBase64(text.charAt(end))) {
        end++;
      }
      if (end - from >= 16) {
        String b64 = text.substring(from, end).replace('-', '+').replace('_', '/');
        int pad = b64.indexOf('=');
        String body = pad < 0 ? b64 : b64.substring(0, pad);
        try {
          String json = body.length() % 4 == 1 ? "" : new String(Base64.getDecoder().decode(body + "==".substring(0, (4 - body.length() % 4) % 4)),
              StandardCharsets.UTF_8);
          if (json.startsWith("{\"status\"") || json.startsWith("{\"error\"")) {
            decoded.append('\n').append(json);
          }
        } catch (IllegalArgumentException notBase64) {
          // a look-alike: nothing to read
        }
      }
      from = Math.max(end, from + 3);
    }
    return decoded.toString();
  }

  private static boolean isBase64(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
  }

  /** Lower case, typographic quotes as ASCII, one space for each run of white space. */
  private static String squeezed(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(switch (c) {
        case '\u2018', '\u2019', '\u02bc' -> '\'';
        case '\u201c', '\u201d' -> '"';
        default -> Character.toLowerCase(c);
      });
    }
    return out.toString();
  }
}
