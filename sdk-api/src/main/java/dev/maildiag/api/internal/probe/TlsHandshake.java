package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The TLS handshake (implicit TLS, or STARTTLS after the greeting) succeeds with the trust the handler has
 * (the JVM's default), and the certificate names the host. Never trusts all: a refused certificate is the finding.
 */
public final class TlsHandshake implements Check {
  public static final String ID = "tls.handshake";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.TLS, "TLS handshake with a trusted certificate")
        .finds(RootCause.TLS_CERTIFICATE, RootCause.TLS_MODE_MISMATCH, RootCause.NOT_A_MAIL_SERVER)
        .requires(TcpConnects.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context) && context.server().security() != Security.NONE;
  }

  @Override
  public Finding run(CheckContext ctx) throws IOException {
    MailServer s = ctx.context().server();
    String target = Probes.target(s);
    Security security = MailWire.security(s);
    MailWire wire;
    try {
      wire = MailWire.takeOrConnect(ctx);
    } catch (IOException e) {
      Finding.Builder b = NetworkFailure.describe(e, target, null);
      if (b == null) {
        throw e;
      }
      return b.build();
    }
    boolean handedOn = false;
    try {
      if (security == Security.STARTTLS) {
        wire.readGreeting();
        wire.startTls();
      }
      SSLSocket tls = wire.handshake();
      SSLSession session = tls.getSession();
      X509Certificate[] chain = wire.trust().chain();
      Finding.Builder ok = Finding.ok((security == Security.STARTTLS ? "STARTTLS to " : "TLS to ") + target + ": "
          + session.getProtocol() + ", certificate trusted and valid for " + s.host());
      ok.evidence("protocol", session.getProtocol()).evidence("cipher", session.getCipherSuite());
      CertificateEvidence.add(ok, chain);
      wire.handOn(); // the greeting check goes on over this connection, secured
      handedOn = true;
      if (chain != null && chain.length > 0 && chain[0].getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(14)))) {
        return Finding.warning("The server certificate expires on " + chain[0].getNotAfter().toInstant())
            .rootCause(RootCause.TLS_CERTIFICATE, 0.5)
            .detail("The handshake works today, but the certificate expires within two weeks.")
            .step("Ask the mail server's administrator to renew the certificate.")
            .evidence("certificateExpires", chain[0].getNotAfter().toInstant())
            .build();
      }
      return ok.build();
    } catch (MailWire.StartTlsRefusedException e) {
      return Finding.error("The server at " + target + " does not do STARTTLS: " + Printable.of(e.getMessage()))
          .rootCause(RootCause.TLS_MODE_MISMATCH, 0.85)
          .detail("Security is starttls, but the server does not offer or accept STARTTLS on this port.")
          .step("Use ssl on port " + s.protocol().implicitTlsPort() + ", or check that this port is the provider's STARTTLS port.")
          .evidence("serverAnswer", Printable.of(e.getMessage()))
          .build();
    } catch (SSLHandshakeException e) {
      return certificateOrHandshake(ctx, wire, e, target);
    } catch (SSLException e) {
      return plainTextOrBroken(e, s, target);
    } catch (IOException e) {
      if (ImplicitTlsProbe.saidNothing(e) && security == Security.STARTTLS) {
        Finding.Builder tls = ImplicitTlsProbe.silentPortSpeaksTls(ctx);
        if (tls != null) {
          return tls.build();
        }
      }
      Finding.Builder b = PeerFailure.describe(e, target, security == Security.SSL ? "TLS handshake answer" : "greeting", ctx.timeouts());
      if (b == null) {
        b = NetworkFailure.describe(e, target, null);
      }
      if (b == null) {
        throw e;
      }
      return b.build();
    } finally {
      if (!handedOn) {
        wire.close();
      }
    }
  }

  private static Finding certificateOrHandshake(CheckContext ctx, MailWire wire, SSLHandshakeException e, String target) {
    MailServer s = ctx.context().server();
    X509Certificate[] chain = wire.trust() == null ? null : wire.trust().chain();
    String all = messages(e).toLowerCase(Locale.ROOT);
    TlsTrust trust = TlsTrust.forContext(ctx.context());
    Finding.Builder b;
    if (has(e, CertificateExpiredException.class) || has(e, CertificateNotYetValidException.class)
        || (has(e, CertPathValidatorException.class) && all.contains("validity"))) {
      b = Finding.error("The server certificate of " + target + " has expired (or is not yet valid)")
          .detail("The certificate's validity period does not include today. Check this machine's clock too.")
          .step("Ask the mail server's administrator to renew the certificate; if a proxy or firewall intercepts TLS, ask its administrator.")
          .step("Check that this machine's date and time are right.");
    } else if (all.contains("no subject alternative") || all.contains("no name matching")) {
      b = Finding.error("The server certificate of " + target + " is not issued for " + s.host())
          .detail("The certificate names other hosts. Either the host name is not the one the provider documents, or something "
              + "(a proxy, a load balancer, a firewall doing TLS inspection) answers in the mail server's place.")
          .step("Use the host name the certificate and the provider document (see certificateNames).")
          .step("Ask the network administrator whether TLS to " + s.host() + " is intercepted.");
    } else if (all.contains("certification path") || all.contains("certpath") || all.contains("trust anchor")) {
      String issuer = chain == null || chain.length == 0 ? "the issuing CA" : chain[chain.length - 1].getIssuerX500Principal().getName();
      b = Finding.error("The server certificate of " + target + " is not trusted by this JVM")
          .detail("No certificate in the chain leads to a CA in " + trust.description() + ". Public providers use public CAs, "
              + "so an unknown issuer usually means a proxy or firewall re-signs TLS traffic.")
          .step("Get the certificate of '" + issuer + "' from the network administrator and import it: keytool -importcert "
              + "-alias mail-proxy-ca -file ca.pem -keystore " + keystorePath(trust) + " (then restart the application).")
          .step("Or ask the network administrator to exempt " + s.host() + " from TLS inspection.");
    } else {
      b = Finding.error("TLS handshake with " + target + " failed: " + firstMessage(e))
          .detail("The server and this JVM could not agree on TLS (protocol version or cipher), or the peer broke off.")
          .step("Check that the port speaks TLS and that the JVM allows the server's TLS versions (jdk.tls.disabledAlgorithms).");
      return CertificateEvidence.add(b.rootCause(RootCause.TLS_MODE_MISMATCH, 0.5)
          .alternative(RootCause.TLS_CERTIFICATE, 0.3, "a handshake failure can also be a refused certificate"), chain)
          .evidence("error", firstMessage(e)).build();
    }
    String handlerTrusts = HandlerTrust.acceptsAnyway(ctx.context(), all);
    if (handlerTrusts != null) {
      ctx.facts().put(HandlerTrust.FACT, handlerTrusts);
      return CertificateEvidence.add(HandlerTrust.wouldConnect(b.build(), handlerTrusts, s), chain)
          .evidence("trustStore", trust.description()).evidence("error", firstMessage(e)).build();
    }
    return CertificateEvidence.add(b.rootCause(RootCause.TLS_CERTIFICATE, 0.95), chain)
        .evidence("trustStore", trust.description()).evidence("error", firstMessage(e)).build();
  }

  private static Finding plainTextOrBroken(SSLException e, MailServer s, String target) {
    String all = messages(e).toLowerCase(Locale.ROOT);
    if (all.contains("unrecognized ssl message") || all.contains("plaintext") || all.contains("unsupported or unrecognized")) {
      return Finding.error("The server at " + target + " answers in plain text, not TLS")
          .rootCause(RootCause.TLS_MODE_MISMATCH, 0.9)
          .detail("Security is " + MailWire.security(s).label() + ", but the port speaks plain text first (a STARTTLS or "
              + "non-TLS port, or a proxy that answers in plain text).")
          .step("Use starttls on port " + s.protocol().plainPort() + ", or ssl on port " + s.protocol().implicitTlsPort() + ".")
          .evidence("error", firstMessage(e))
          .build();
    }
    return Finding.error("TLS with " + target + " failed: " + firstMessage(e))
        .rootCause(RootCause.TLS_MODE_MISMATCH, 0.5)
        .alternative(RootCause.NOT_A_MAIL_SERVER, 0.3, "something other than the mail server may answer")
        .evidence("error", firstMessage(e))
        .build();
  }

  private static String keystorePath(TlsTrust trust) {
    String d = trust.description();
    int cut = d.indexOf(" (");
    return cut > 0 ? d.substring(0, cut) : d;
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String messages(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      sb.append(t.getMessage()).append(" | ");
    }
    return sb.toString();
  }

  private static String firstMessage(Throwable e) {
    return Printable.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return PeerFailure.notAMailServer("No TLS handshake with " + Probes.target(ctx.context().server()) + " within " + Durations.format(limit),
        "The port accepted the connection but did not complete a TLS handshake in time: a firewall, proxy or load balancer "
            + "holds the port, or the port does not speak TLS.")
        .alternative(RootCause.TLS_MODE_MISMATCH, 0.4, "the port may expect plain text or STARTTLS")
        .build();
  }
}
