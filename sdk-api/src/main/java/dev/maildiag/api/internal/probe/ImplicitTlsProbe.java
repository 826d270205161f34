package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;

/**
 * A port that takes the connection and says nothing may be an implicit-TLS port waiting for the client's TLS
 * handshake (993, 995, 465): a plain or STARTTLS client then meets silence, not an error. One TLS handshake on
 * the same port tells: a server that answers it (even with a certificate this JVM refuses) speaks TLS first.
 */
final class ImplicitTlsProbe {
  private ImplicitTlsProbe() {}

  /** A read that timed out without a single byte from the peer (a trickling peer sent some: it is not waiting for TLS). */
  static boolean saidNothing(IOException e) {
    return e instanceof java.net.SocketTimeoutException
        && (e.getMessage() == null || !e.getMessage().contains("bytes received") || e.getMessage().contains("(0 bytes received)"));
  }

  /** The tls-mode-mismatch finding when the silent port answers a TLS handshake; null when it does not. */
  static Finding.Builder silentPortSpeaksTls(CheckContext ctx) {
    MailServer s = ctx.context().server();
    String tls;
    try (MailWire wire = MailWire.connect(ctx)) {
      tls = wire.handshake().getSession().getProtocol();
    } catch (SSLHandshakeException e) {
      // a refused certificate still proves that the port speaks TLS
      tls = certificateRefusal(e) ? "TLS (its certificate was refused: " + Printable.of(e.getMessage()) + ")" : null;
    } catch (IOException | RuntimeException e) {
      tls = null;
    }
    if (tls == null) {
      return null;
    }
    return Finding.error("The port " + Probes.target(s) + " speaks TLS from the first byte (implicit TLS), not "
            + MailWire.security(s).label())
        .rootCause(RootCause.TLS_MODE_MISMATCH, 0.9)
        .detail("The server waited silently for a TLS handshake, as implicit-TLS ports do, while the configuration expects "
            + "the server to greet first in plain text. A TLS handshake on the same port was answered (" + tls + ").")
        .step("Use security ssl on this port (" + s.protocol().implicitTlsPort() + " is the usual implicit-TLS port), or starttls on "
            + s.protocol().plainPort() + ".")
        .evidence("tlsOnSamePort", tls);
  }

  private static boolean certificateRefusal(SSLHandshakeException e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.security.cert.CertificateException || t instanceof java.security.cert.CertPathValidatorException
          || (t.getMessage() != null && t.getMessage().contains("PKIX"))) {
        return true;
      }
    }
    return false;
  }
}
