package dev.maildiag.realpeers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** TLS against a real Dovecot: every TLS-mode mismatch, STARTTLS required, and certificates it should not be trusted with. */
class DovecotTlsTest {
  private static final String SUITE = "dovecot-tls";
  private static RealDovecot dovecot;
  /** Listens on 127.0.0.2: a client from 127.0.0.1 is not "secured" there, so Dovecot wants TLS before any login. */
  private static RealDovecot tlsFirst;

  @BeforeAll
  static void start() {
    Cases.assumeAvailable(SUITE, RealDovecot.unavailable());
    dovecot = RealDovecot.start(Cases.work("dovecot-tls"), RealDovecot.Setup.standard());
    tlsFirst = RealDovecot.start(Cases.work("dovecot-tls-first"), RealDovecot.Setup.standard().listen("127.0.0.2"));
  }

  @AfterAll
  static void stop() {
    for (RealDovecot d : new RealDovecot[] {dovecot, tlsFirst}) {
      if (d != null) {
        d.close();
      }
    }
  }

  private static int port(RealDovecot d, String name) {
    return switch (name) {
      case "imaps" -> d.imapsPort();
      case "imap" -> d.imapPort();
      case "pop3s" -> d.pop3sPort();
      case "pop3" -> d.pop3Port();
      default -> d.submissionPort();
    };
  }

  @ParameterizedTest(name = "{0} with security {1} on the {2} port")
  @CsvSource({
      "imap, none, imaps, a plain client on the implicit-TLS port",
      "imap, starttls, imaps, a STARTTLS client on the implicit-TLS port",
      "imap, ssl, imap, an implicit-TLS client on the plain/STARTTLS port",
      "pop3, none, pop3s, a plain client on the implicit-TLS port",
      "pop3, starttls, pop3s, a STARTTLS client on the implicit-TLS port",
      "pop3, ssl, pop3, an implicit-TLS client on the plain/STARTTLS port",
      "smtp, ssl, submission, an implicit-TLS client on the submission (STARTTLS) port"})
  void tlsModeMismatch(String protocol, String security, String portName, String broken) {
    dovecot.forgetFailures();
    Cases.expect(SUITE, protocol + " " + security + " on the " + portName + " port", RealDovecot.version() + " " + portName, broken,
        "tls-mode-mismatch",
        Cases.mail(protocol, dovecot.host(), port(dovecot, portName), security, RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
  }

  @ParameterizedTest(name = "{0} without TLS where the server wants STARTTLS first")
  @CsvSource({"imap, imap", "pop3, pop3", "smtp, submission"})
  void startTlsRequired(String protocol, String portName) {
    Diagnosis d = Cases.expect(SUITE, protocol + " without TLS, server wants STARTTLS first",
        RealDovecot.version() + " " + portName + " on 127.0.0.2 (client 127.0.0.1: not secured)",
        "security none where the server offers authentication only after STARTTLS", "tls-mode-mismatch",
        Cases.mail(protocol, tlsFirst.host(), port(tlsFirst, portName), "none", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    assertThat(d.finding("protocol.greeting").path("summary").asText()).contains("STARTTLS");
  }

  @Test
  void untrustedCertificate() {
    Cases.expect(SUITE, "certificate of an unknown CA", RealDovecot.version() + " IMAPS",
        "the server's CA is not in the JVM's trust store", "tls-certificate",
        Cases.untrusted("imap", dovecot.host(), dovecot.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
  }

  @ParameterizedTest(name = "{0} certificate")
  @EnumSource(value = PemFiles.ServerCert.class, names = {"EXPIRED", "WRONG_HOST", "SELF_SIGNED"})
  void badCertificate(PemFiles.ServerCert cert) {
    try (RealDovecot d = RealDovecot.start(Cases.work("dovecot-cert"), RealDovecot.Setup.standard().certificate(cert))) {
      Cases.expect(SUITE, "certificate " + cert.name().toLowerCase().replace('_', ' '), RealDovecot.version() + " IMAPS",
          cert.name().toLowerCase().replace('_', '-') + " certificate", "tls-certificate",
          Cases.mail("imap", d.host(), d.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    }
  }



  /**
   * A handler told to trust every certificate ({@code mail.imaps.ssl.trust=*}) would connect to a self-signed
   * server, and to anyone who intercepts it: the report says so, as a warning about the handler's trust.
   */
  @Test
  void handlerTrustsAnyCertificate() {
    handlerAcceptsAnyway(PemFiles.ServerCert.SELF_SIGNED, "mail.imaps.ssl.trust=*", "handler trusts any certificate (mail.imaps.ssl.trust=*)");
  }

  /** The same for a certificate of another host and a handler that does not check the name. */
  @Test
  void handlerSkipsTheNameCheck() {
    handlerAcceptsAnyway(PemFiles.ServerCert.WRONG_HOST, "mail.imaps.ssl.checkserveridentity=false",
        "handler skips the host name check (checkserveridentity=false)");
  }

  private static void handlerAcceptsAnyway(PemFiles.ServerCert cert, String setting, String name) {
    try (RealDovecot d = RealDovecot.start(Cases.work("dovecot-cert"), RealDovecot.Setup.standard().certificate(cert))) {
      java.util.List<String> args = new java.util.ArrayList<>(
          Cases.mail("imap", d.host(), d.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
      args.add("-D" + setting);
      Diagnosis diag = Cases.expect(SUITE, name, RealDovecot.version() + " IMAPS",
          cert.name().toLowerCase().replace('_', '-') + " certificate; the handler is configured with " + setting, "tls-certificate", args);
      assertThat(diag.verdict()).isEqualTo("WARNING");
      assertThat(diag.finding("tls.handshake").path("summary").asText()).contains("would connect anyway");
    }
  }
}
