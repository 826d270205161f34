package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Secret;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What may go on the wire. Mail protocols end a command at CR LF, so a login, password, folder or token
 * holding a line break becomes a second command on the server (a {@code DELE 1} after {@code USER}), and a
 * NUL cuts SASL PLAIN apart. Every value a diagnosis sends is refused before any connection when it holds a
 * control character; host names are plain DNS names or IP addresses.
 */
public final class WireText {
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9]{1,16})?]?");

  private WireText() {}

  /** Describes the first control character in {@code value} (e.g. "a line feed (LF) at position 12"), or null. */
  public static String controlCharacter(String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
        return name(c) + " at position " + (i + 1);
      }
    }
    return null;
  }

  /** The values of a context that go on the wire, by setting name, each with a control character it holds. */
  public static Map<String, String> controlCharacters(DiagnosticContext context) {
    Map<String, String> found = new LinkedHashMap<>();
    DiagnosticContext.MailServer s = context.server();
    put(found, "host", s.host());
    put(found, "login", s.login());
    put(found, "mailbox", s.mailbox());
    put(found, "folder", s.folder());
    put(found, "client id", context.oauth().clientId());
    put(found, "tenant", context.oauth().tenant());
    put(found, "client secret", reveal(context.oauth().clientSecret()));
    put(found, "access token", reveal(context.tokens().accessToken()));
    put(found, "refresh token", reveal(context.tokens().refreshToken()));
    put(found, "password", reveal(context.tokens().password()));
    return found;
  }

  /** Why {@code host} is not a host name or IP address, or null when it is one. */
  public static String hostProblem(String host) {
    if (host == null) {
      return null;
    }
    if (host.isEmpty() || host.length() > 253) {
      return "it is empty or longer than 253 characters";
    }
    if (host.contains("://") || host.contains("/")) {
      return "it is a URL; give only the host name, e.g. outlook.office365.com";
    }
    if (controlCharacter(host) != null || host.chars().anyMatch(Character::isWhitespace)) {
      return "it holds spaces or control characters";
    }
    if (IPV4.matcher(host).matches() || host.contains(":") && IPV6.matcher(host).matches()) {
      return null;
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return "'" + label + "' is not a valid part of a host name (letters, digits and hyphens between dots)";
      }
    }
    return null;
  }

  /**
   * Refuses a value before it is sent.
   *
   * @throws IllegalArgumentException naming the setting (never the value, which may be a secret)
   */
  public static void requirePlain(String what, String value) {
    String problem = controlCharacter(value);
    if (problem != null) {
      throw new IllegalArgumentException("the " + what + " holds " + problem + "; maildiag does not send it to a server");
    }
  }

  private static void put(Map<String, String> found, String name, String value) {
    String problem = controlCharacter(value);
    if (problem != null) {
      found.put(name, problem);
    }
  }

  private static String reveal(Secret s) {
    return s == null ? null : s.reveal();
  }

  private static String name(char c) {
    return switch (c) {
      case '\r' -> "a carriage return (CR)";
      case '\n' -> "a line feed (LF)";
      case '\0' -> "a NUL character";
      case '\t' -> "a tab";
      case 0x1b -> "an escape character (ESC)";
      default -> String.format(Locale.ROOT, "a control character (U+%04X)", (int) c);
    };
  }
}
