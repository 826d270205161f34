package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.net.HandlerProperties;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.MailLogins;
import java.time.Instant;
import java.util.Locale;

/**
 * When the server refuses a token that looks right, the same read-only login over the mailbox's other reading
 * protocol (IMAP for POP3, POP3 for IMAP) tells a protocol switched off for this mailbox from a token the
 * server does not accept: the other protocol's endpoint as the handler's JVM is told it
 * ({@code mail.pop3s.host}/{@code port}, ...), else the same host on the protocol's usual implicit-TLS port.
 * For servers of no known provider: Microsoft's own check does this with Exchange Online's endpoints, and Gmail
 * says "IMAP access is disabled" in its answer.
 */
public final class OtherProtocolLogin implements Check {
  public static final String ID = "oauth.other-protocol";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "The mailbox's other protocol accepts the token (protocol disabled?)")
        .finds(RootCause.PROTOCOL_DISABLED)
        .after(Xoauth2Authentication.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    // Microsoft's check knows Exchange Online's endpoints; Gmail names a disabled protocol in its answer
    return Probes.hasMailServer(context) && context.server().protocol() != Protocol.SMTP && context.oauth().provider() == null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    if (!ctx.facts().get(Facts.TOKEN_ACCEPTED).map(accepted -> !accepted).orElse(false)) {
      return Finding.skipped("The server did not refuse the token").build();
    }
    String explained = explainedByClaims(ctx);
    if (explained != null) {
      return Finding.skipped("The token's claims already explain the refusal (" + explained + "); another login would only fail too").build();
    }
    MailServer s = ctx.context().server();
    Protocol other = s.protocol() == Protocol.IMAP ? Protocol.POP3 : Protocol.IMAP;
    Endpoint e = endpoint(ctx.context(), other);
    MailLogins.Result r = ctx.mail().login(other, e.host, e.port, e.security);
    String here = s.protocol().label().toUpperCase(Locale.ROOT);
    String there = other.label().toUpperCase(Locale.ROOT);
    return switch (r.outcome()) {
      case ACCEPTED -> Finding.error(there + " at " + r.endpoint() + " accepts the token that " + here + " refuses: " + here
              + " is disabled for this mailbox")
          .rootCause(RootCause.PROTOCOL_DISABLED, 0.9)
          .detail("The same token, for the same user, logs in over " + there + " (read-only, logged out at once), so the token is "
              + "valid and the mailbox exists; the server refuses " + here + " for this user or its organisation.")
          .step("Ask the mail server's administrator to allow " + here + " for " + ctx.mail().user() + ".")
          .step("Or configure the handler for " + there + ", which this mailbox may use.")
          .evidence("otherProtocol", there + " " + r.endpoint() + " (" + e.source + "): accepted")
          .build();
      case REFUSED -> Finding.info(there + " at " + r.endpoint() + " refuses the token too: not a protocol disabled for one protocol")
          .evidence("otherProtocol", there + " " + r.endpoint() + " (" + e.source + ")")
          .evidence("serverAnswer", r.serverAnswer())
          .build();
      default -> Finding.info("No " + there + " login to compare with at " + r.endpoint() + " (" + e.source + "): "
              + r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .evidence("error", r.serverAnswer())
          .build();
    };
  }

  /** A reason from the claims that makes trying another protocol pointless, or null. */
  private static String explainedByClaims(CheckContext ctx) {
    return ctx.facts().get(Facts.TOKEN_CLAIMS).map(c -> {
      if (c.expiresAt() != null && !c.expiresAt().isAfter(Instant.now())) {
        return "expired";
      }
      String user = ctx.mail().user();
      String login = ctx.context().server().login();
      if (c.user() != null && user != null && !c.user().equalsIgnoreCase(user) && !c.user().equalsIgnoreCase(String.valueOf(login))) {
        return "a token of " + c.user();
      }
      return null;
    }).orElse(null);
  }

  private record Endpoint(String host, int port, Security security, String source) {}

  private static Endpoint endpoint(DiagnosticContext c, Protocol other) {
    MailServer s = c.server();
    for (Security security : new Security[] {Security.SSL, Security.STARTTLS}) {
      String name = other.jakartaName(security);
      var host = HandlerProperties.get(c, name, "host");
      var port = HandlerProperties.get(c, name, "port");
      if (host.isPresent() || port.isPresent()) {
        int p = port.map(OtherProtocolLogin::parsePort).orElse(security == Security.SSL ? other.implicitTlsPort() : other.plainPort());
        return new Endpoint(host.orElse(s.host()), p, security, "mail." + name + ".host/port");
      }
    }
    return new Endpoint(s.host(), other.implicitTlsPort(), Security.SSL, "the same host, the usual " + other.label() + " port");
  }

  private static int parsePort(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
