package dev.maildiag.api.internal.explain;

import java.util.regex.Pattern;

/**
 * Blanks out what looks like a secret in a text the user handed over (a log line, a HAR value) before any
 * of it is quoted back: bearer tokens, JWTs, XOAUTH2 payloads, and the values of token, code, secret and
 * password parameters.
 */
public final class Redaction {
  public static final String MARK = "[redacted]";
  private static final Pattern SECRETS = Pattern.compile(
      "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"
          + "|(xoauth2\\s+)[A-Za-z0-9+/=]{8,}"
          + "|(?<![A-Za-z0-9])(eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*)"
          + "|(dXNlcj[A-Za-z0-9+/=]{8,})"
          + "|((?:access_token|refresh_token|id_token|client_secret|password|passwd|pwd|code|assertion|client_assertion|"
          + "session_state|state|token|secret|jsessionid|cookie|set-cookie|authorization)[\"']?\\s*[:=]\\s*[\"']?)"
          + "[^\"'&\\s,;}]+");

  private Redaction() {}

  /** The text with every secret-looking value replaced by {@value #MARK}. */
  public static String redact(String text) {
    return SECRETS.matcher(text).replaceAll(m -> {
      for (int g = 1; g <= 5; g++) {
        if (m.group(g) != null) {
          return g == 3 || g == 4 ? MARK : java.util.regex.Matcher.quoteReplacement(m.group(g)) + MARK;
        }
      }
      return MARK;
    });
  }
}
