package dev.maildiag.api;

import java.util.Locale;

/** The mail protocol a handler uses. */
public enum Protocol {
  IMAP(993, 143),
  POP3(995, 110),
  SMTP(465, 587);

  private final int implicitTlsPort;
  private final int plainPort;

  Protocol(int implicitTlsPort, int plainPort) {
    this.implicitTlsPort = implicitTlsPort;
    this.plainPort = plainPort;
  }

  /** The usual port for this protocol with the given security. */
  public int defaultPort(Security security) {
    return security == Security.SSL ? implicitTlsPort : plainPort;
  }

  /** Port that is spoken over TLS from the first byte (993, 995, 465). */
  public int implicitTlsPort() {
    return implicitTlsPort;
  }

  /** Port that starts in plain text and may upgrade with STARTTLS (143, 110, 587). */
  public int plainPort() {
    return plainPort;
  }

  /** Jakarta Mail's protocol name: {@code imap}/{@code imaps}, {@code pop3}/{@code pop3s}, {@code smtp}/{@code smtps}. */
  public String jakartaName(Security security) {
    String base = name().toLowerCase(Locale.ROOT);
    return security == Security.SSL ? base + "s" : base;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code imap}, {@code imaps}, {@code pop}, {@code pop3}, {@code pop3s}, {@code smtp}, {@code smtps}. */
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
