package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.ServerCertificate;
import dev.maildiag.testkit.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TlsHandshakeTest {
  private static Finding handshake(MockMailServer server) throws Exception {
    return Probe.run(new TlsHandshake(), server.context().build());
  }

  private static Finding implicit(ServerCertificate cert) throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(cert).start()) {
      return handshake(imap);
    }
  }

  @Test
  void trustedCertificateGivesProtocolCipherAndCertificateEvidence() throws Exception {
    Finding f = implicit(TestCertificates.localhost());
    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.evidence()).containsKeys("protocol", "cipher", "certificateSubject", "certificateIssuer", "certificateExpires");
    assertThat(f.evidence().get("certificateIssuer")).contains("maildiag test CA");
  }

  @Test
  void starttlsIsNegotiatedForEachProtocol() throws Exception {
    for (MockMailServer server : new MockMailServer[] {MockMailServer.imap(), MockMailServer.pop3(), MockMailServer.smtp()}) {
      try (MockMailServer s = server.starttls(TestCertificates.localhost()).start()) {
        Finding f = handshake(s);
        assertThat(f.severity()).as(f.summary()).isEqualTo(Severity.OK);
        assertThat(f.summary()).startsWith("STARTTLS");
      }
    }
  }

  @Test
  void expiredCertificate() throws Exception {
    Finding f = implicit(TestCertificates.expired());
    assertThat(f.rootCause()).isEqualTo(RootCause.TLS_CERTIFICATE);
    assertThat(f.summary()).contains("expired");
    assertThat(f.evidence().get("certificateExpires")).startsWith("2020-");
  }

  @Test
  void wrongHostCertificate() throws Exception {
    Finding f = implicit(TestCertificates.wrongHost());
    assertThat(f.rootCause()).isEqualTo(RootCause.TLS_CERTIFICATE);
    assertThat(f.summary()).contains("not issued for 127.0.0.1");
    assertThat(f.evidence().get("certificateNames")).contains("wrong-host.invalid");
  }

  @Test
  void untrustedIssuerNamesTheCaAndTheTrustStore() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).start()) {
      DiagnosticContext jvmTrust = imap.context().attribute(TlsTrust.ATTRIBUTE, TlsTrust.jvmDefault()).build();
      Finding f = Probe.run(new TlsHandshake(), jvmTrust);
      assertThat(f.rootCause()).isEqualTo(RootCause.TLS_CERTIFICATE);
      assertThat(f.summary()).contains("not trusted");
      assertThat(String.join(" ", f.remediation().steps())).contains("maildiag test CA").contains("keytool -importcert");
    }
  }

  @Test
  void starttlsNotOfferedIsAModeMismatch() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().start()) {
      Finding f = Probe.run(new TlsHandshake(), pop.context().security(Security.STARTTLS).build());
      assertThat(f.rootCause()).isEqualTo(RootCause.TLS_MODE_MISMATCH);
      assertThat(f.evidence().get("serverAnswer")).startsWith("-ERR");
    }
  }
}
