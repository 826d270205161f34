package dev.maildiag.api.internal.probe;

import java.util.List;
import java.util.Locale;

/**
 * What a mail server announced before authentication.
 *
 * @param greeting the greeting line, made printable and shortened
 * @param capabilities IMAP CAPABILITY atoms, POP3 CAPA lines or SMTP EHLO keywords
 */
public record ServerCapabilities(String greeting, List<String> capabilities) {
  public ServerCapabilities {
    capabilities = List.copyOf(capabilities);
  }

  /** True when the server offers SASL XOAUTH2 (IMAP {@code AUTH=XOAUTH2}, POP3 {@code SASL ... XOAUTH2}, SMTP {@code AUTH ... XOAUTH2}). */
  public boolean offersXoauth2() {
    for (String c : capabilities) {
      String u = c.toUpperCase(Locale.ROOT);
      if (u.equals("AUTH=XOAUTH2") || ((u.startsWith("SASL ") || u.startsWith("AUTH ") || u.startsWith("AUTH=")) && u.matches(".*[ =]XOAUTH2( .*|$)"))) {
        return true;
      }
    }
    return false;
  }

  /** True when a capability equals {@code name}, ignoring case (e.g. STARTTLS, LOGINDISABLED). */
  public boolean has(String name) {
    return capabilities.stream().anyMatch(c -> c.equalsIgnoreCase(name));
  }
}
