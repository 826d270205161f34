package dev.maildiag.api;

import java.util.Locale;

/** The mail protocol a handler uses. */
public enum Protocol {
  /**
   * IMAP: implicit TLS on 993, STARTTLS on 143.
   */
  IMAP(993, 143),
  /**
   * POP3: implicit TLS on 995, STLS on 110.
   */
  POP3(995, 110),
  /**
   * SMTP submission: implicit TLS on 465, STARTTLS on 587.
   */
  SMTP(465, 587);

  private final int implicitTlsPort;
  private final int plainPort;

  Protocol(int implicitTlsPort, int plainPort) {
    this.implicitTlsPort = implicitTlsPort;
    this.plainPort = plainPort;
  }

  /**
   * The usual port for this protocol with the given security.
   *
   * @param security the security
   * @return the port
   */
  public int defaultPort(Security security) {
    return security == Security.SSL ? implicitTlsPort : plainPort;
  }

  /**
   * Port that is spoken over TLS from the first byte (993, 995, 465).
   *
   * @return the port
   */
  public int implicitTlsPort() {
    return implicitTlsPort;
  }

  /**
   * Port that starts in plain text and may upgrade with STARTTLS (143, 110, 587).
   *
   * @return the port
   */
  public int plainPort() {
    return plainPort;
  }

  /**
   * Jakarta Mail's protocol name: {@code imap}/{@code imaps}, {@code pop3}/{@code pop3s}, {@code smtp}/{@code smtps}.
   *
   * @param security the security
   * @return the protocol name Jakarta Mail knows
   */
  public String jakartaName(Security security) {
    String base = name().toLowerCase(Locale.ROOT);
    return security == Security.SSL ? base + "s" : base;
  }

  /**
   * The lower-case name, as reports and the command line show it.
   *
   * @return e.g. {@code imap}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code imap}, {@code imaps}, {@code pop}, {@code pop3}, {@code pop3s}, {@code smtp}, {@code smtps}.
   *
   * @param text the name, in any case
   * @return the protocol
   * @throws IllegalArgumentException for any other text
   */
  public static Protocol parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "imap": case "imaps": return IMAP;
      case "pop": case "pop3": case "pop3s": case "pops": return POP3;
      case "smtp": case "smtps": case "submission": return SMTP;
      default: throw new IllegalArgumentException("unknown protocol '" + text + "' (expected imap, pop3 or smtp)");
    }
  }
}
