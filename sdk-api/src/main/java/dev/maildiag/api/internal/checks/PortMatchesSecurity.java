package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;

/** The port and the security mode fit the protocol: 993 speaks TLS from the first byte, 143 does not. */
public final class PortMatchesSecurity implements Check {
  public static final String ID = "config.port-security";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Port and security fit the protocol").finds(RootCause.TLS_MODE_MISMATCH);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.server().protocol() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    MailServer s = ctx.context().server();
    Protocol protocol = s.protocol();
    Security security = s.security() == null ? Security.SSL : s.security();
    int port = s.effectivePort();
    String expected = expectedFor(protocol, port);
    Finding.Builder mismatch = null;
    if (port == protocol.implicitTlsPort() && security != Security.SSL) {
      mismatch = Finding.error("Port " + port + " expects implicit TLS (ssl), but security is " + security.label())
          .detail("On port " + port + " the server starts TLS at once; a client set to " + security.label()
              + " waits for a plain-text greeting that never comes.")
          .step("Set security to ssl for port " + port + ", or use port " + protocol.plainPort() + " with starttls.");
    } else if (port == protocol.plainPort() && security == Security.SSL) {
      mismatch = Finding.error("Port " + port + " starts in plain text, but security is ssl")
          .detail("On port " + port + " the server greets in plain text and offers STARTTLS; an implicit-TLS client fails its handshake.")
          .step("Set security to starttls for port " + port + ", or use port " + protocol.implicitTlsPort() + " with ssl.");
    } else if (port == 25 && protocol == Protocol.SMTP && security == Security.SSL) {
      mismatch = Finding.error("Port 25 starts in plain text, but security is ssl")
          .step("Use port 587 with starttls, or 465 with ssl, for authenticated submission.");
    }
    if (mismatch != null) {
      return mismatch.rootCause(RootCause.TLS_MODE_MISMATCH, 0.95)
          .evidence("protocol", protocol.label()).evidence("port", port).evidence("security", security.label())
          .evidence("expected", expected)
          .build();
    }
    if (security == Security.NONE) {
      return Finding.warning("Security is none: the OAuth token would travel unencrypted")
          .rootCause(RootCause.TLS_MODE_MISMATCH, 0.5)
          .detail("Microsoft 365 and Gmail refuse XOAUTH2 without TLS; any server that accepts it exposes the token.")
          .step("Use ssl on " + protocol.implicitTlsPort() + " or starttls on " + protocol.plainPort() + ".")
          .evidence("port", port).evidence("security", security.label())
          .build();
    }
    if (expected == null) {
      return Finding.info("Port " + port + " is not a usual " + protocol.label() + " port; security " + security.label() + " is taken as given")
          .evidence("port", port).evidence("security", security.label()).build();
    }
    return Finding.ok("Port " + port + " with " + security.label() + " fits " + protocol.label()).build();
  }

  private static String expectedFor(Protocol protocol, int port) {
    if (port == protocol.implicitTlsPort()) {
      return "ssl";
    }
    if (port == protocol.plainPort() || (protocol == Protocol.SMTP && port == 25)) {
      return "starttls";
    }
    return null;
  }
}
