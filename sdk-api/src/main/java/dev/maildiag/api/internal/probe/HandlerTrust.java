package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.net.HandlerProperties;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.spi.Key;
import java.util.Arrays;
import java.util.Locale;

/**
 * A handler told to trust certificates Jakarta Mail would otherwise refuse ({@code mail.<protocol>.ssl.trust=*} or
 * the host, {@code ssl.checkserveridentity=false} for a name mismatch) connects where maildiag's own strict check
 * fails: the diagnosis says that it would connect, and what that costs.
 */
final class HandlerTrust {
  /** The handler setting that accepts a certificate maildiag refused in this diagnosis. */
  static final Key<String> FACT = Key.of("handlerTrustsRefusedCertificate", String.class);

  private HandlerTrust() {}

  /** The handler setting that makes it accept the certificate refused for {@code reason} (lower case), or null. */
  static String acceptsAnyway(DiagnosticContext c, String reason) {
    MailServer s = c.server();
    String name = MailSessions.protocolName(s);
    String trust = HandlerProperties.get(c, name, "ssl.trust").orElse(null);
    if (trust != null && (trust.equals("*") || Arrays.asList(trust.split("\\s+")).contains(s.host()))) {
      return "mail." + name + ".ssl.trust=" + trust;
    }
    boolean nameMismatch = reason.contains("no subject alternative") || reason.contains("no name matching");
    if (nameMismatch && HandlerProperties.get(c, name, "ssl.checkserveridentity").map(v -> v.toLowerCase(Locale.ROOT).equals("false"))
        .orElse(false)) {
      return "mail." + name + ".ssl.checkserveridentity=false";
    }
    return null;
  }

  /** The finding for a refused certificate the handler accepts: a warning about the handler's trust. */
  static Finding.Builder wouldConnect(Finding refused, String setting, MailServer s) {
    return Finding.warning("The handler would connect anyway (" + setting + "), although " + lowerFirst(refused.summary()))
        .rootCause(RootCause.TLS_CERTIFICATE, 0.7)
        .detail("With " + setting + " the handler accepts this certificate, so the connection works for it. That is the risk: it "
            + "would accept the same from anyone who intercepts the connection to " + s.host() + ", who could then read the access "
            + "token and every message, and act as the mailbox. " + refused.detail())
        .step("Make the certificate trusted instead (import its CA into the JVM's trust store), then remove " + setting + ".")
        .step("Ask the mail server's administrator for a certificate from a public CA, valid for " + s.host() + ".")
        .evidence("handlerSetting", setting);
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
