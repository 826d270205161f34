package dev.maildiag.api;

import java.util.Locale;

/** How the mail connection is protected. */
public enum Security {
  /** TLS from the first byte (implicit TLS, "SSL"), usual on 993, 995, 465. */
  SSL,
  /** Plain text upgraded with STARTTLS, usual on 143, 110, 587. */
  STARTTLS,
  /** No TLS at all. */
  NONE;

  /**
   * The lower-case name, as reports and the command line show it.
   *
   * @return e.g. {@code starttls}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code ssl}/{@code tls}, {@code starttls} and {@code none}/{@code plain}.
   *
   * @param text the name, in any case
   * @return the security
   * @throws IllegalArgumentException for any other text
   */
  public static Security parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "ssl": case "tls": case "implicit": return SSL;
      case "starttls": return STARTTLS;
      case "none": case "plain": case "plaintext": return NONE;
      default: throw new IllegalArgumentException("unknown security '" + text + "' (expected ssl, starttls or none)");
    }
  }
}
