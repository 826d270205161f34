package dev.maildiag.api.internal.probe;

import dev.maildiag.testkit.mail.LocalMailbox;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.microsoft.ExchangeAnswers;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class BasicAuthRefusedTest {
  private static final String PASSWORD = "Pa55-basic-auth-9";
  private static final Secret SECRET = Secret.of(PASSWORD);

  @Test
  void exchangeImapRefusingThePasswordIsBasicAuthRejectedFirst() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost())
        .capabilities("IMAP4rev1", "AUTH=PLAIN", "AUTH=XOAUTH2", "SASL-IR").sasl("{tag} NO AUTHENTICATE failed.").start()) {
      DiagnosticContext c = imap.context().provider("microsoft").password(SECRET).build();
      Finding f = Probe.run(new BasicAuthRefused(), c, new Facts(), new ExchangeAnswers());

      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rootCause()).isEqualTo(RootCause.BASIC_AUTH_REJECTED);
      assertThat(f.evidence().get("serverAnswer")).matches("[A-Za-z]+[0-9]+ NO AUTHENTICATE failed\\.");
      assertThat(imap.verbs()).contains("AUTHENTICATE").doesNotContain("SELECT", "EXAMINE", "STORE", "EXPUNGE");
      assertNoPassword(f.toString() + f.evidence());
    }
  }

  @Test
  void exchangeSmtp5_7_139BasicAuthDisabled() throws Exception {
    try (MockMailServer smtp = MockMailServer.smtp().starttls(TestCertificates.localhost())
        .capabilities("SIZE 157286400", "AUTH LOGIN XOAUTH2", "ENHANCEDSTATUSCODES")
        .on("AUTH", "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.").start()) {
      DiagnosticContext c = smtp.context().provider("microsoft").password(SECRET).build();
      Finding f = Probe.run(new BasicAuthRefused(), c, new Facts(), new ExchangeAnswers());

      assertThat(f.rootCause()).isEqualTo(RootCause.BASIC_AUTH_REJECTED);
      assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
      assertThat(f.evidence().get("serverAnswer")).startsWith("535 5.7.139");
      assertThat(smtp.commands()).contains("AUTH LOGIN").noneMatch(l -> l.contains("XOAUTH2"));
      assertNoPassword(f.toString() + f.evidence());
    }
  }

  @Test
  void aPasswordRefusalRanksBasicAuthAboveWhatTheSameWordsMeanForAToken() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost())
        .capabilities("IMAP4rev1", "AUTH=PLAIN", "SASL-IR")
        .sasl("{tag} NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)").start()) {
      List<Candidate> tokenReading = List.of(new Candidate(RootCause.SCOPES, 0.9, "test"),
          new Candidate(RootCause.BASIC_AUTH_REJECTED, 0.3, "test"));
      Finding f = Probe.run(new BasicAuthRefused(), imap.context().password(SECRET).build(), new Facts(),
          o -> o.text().contains("Application-specific password") ? tokenReading : List.of());

      assertThat(f.rootCause()).isEqualTo(RootCause.BASIC_AUTH_REJECTED);
      assertThat(f.confidence()).isGreaterThan(0.9);
      assertThat(f.alternatives()).extracting(Candidate::rootCause).containsExactly(RootCause.SCOPES);
    }
  }

  @Test
  void pop3SendsUserAndPassWhenNoPasswordMechanismIsOffered() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).start()) {
      Finding f = Probe.run(new BasicAuthRefused(), pop.context().password(SECRET).build());

      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.evidence().get("serverAnswer")).startsWith("-ERR Logon failure");
      // an answer no provider reads as "passwords are refused" may be a mistyped password: less sure
      assertThat(f.rootCause()).isEqualTo(RootCause.BASIC_AUTH_REJECTED);
      assertThat(f.confidence()).isLessThan(0.9);
      assertThat(pop.verbs()).contains("USER", "PASS").doesNotContain("DELE", "RETR", "AUTH");
      assertNoPassword(f.toString() + f.evidence() + pop.commands());
    }
  }

  @Test
  void aServerStillAcceptingPasswordsIsAWarningAndTheMailboxIsUntouched() throws Exception {
    try (LocalMailbox mailbox = LocalMailbox.start().fill(5)) {
      LocalMailbox.Snapshot before = mailbox.snapshot();
      DiagnosticContext c = mailbox.contextBuilder(Protocol.IMAP).accessToken(null).password(Secret.of(LocalMailbox.TOKEN)).build();
      Finding f = Probe.run(new BasicAuthRefused(), c);

      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.rootCause()).isNull();
      assertThat(f.summary()).contains("still accepts the password");
      assertThat(f.remediation().steps()).anyMatch(s -> s.contains("OAuth 2.0"));
      assertThat(mailbox.snapshot()).isEqualTo(before);
    }
  }

  @Test
  void appliesOnlyWithAPasswordAndAMailServer() {
    MockMailServer imap = MockMailServer.imap();
    DiagnosticContext base = DiagnosticContext.builder().protocol(Protocol.IMAP).host("127.0.0.1").login("u@example.test").build();
    assertThat(new BasicAuthRefused().appliesTo(base)).isFalse();
    assertThat(new BasicAuthRefused().appliesTo(base.toBuilder().password(SECRET).build())).isTrue();
    assertThat(new BasicAuthRefused().appliesTo(base.toBuilder().host(null).password(SECRET).build())).isFalse();
    assertThat(imap.verbs()).isEmpty();
  }

  @Test
  void theWholeReportNeverShowsThePassword() {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost())
        .capabilities("IMAP4rev1", "AUTH=PLAIN", "AUTH=XOAUTH2", "SASL-IR").sasl("{tag} NO AUTHENTICATE failed.").start()) {
      Report r = Maildiag.create().diagnose(imap.context().password(SECRET).build());

      assertThat(r.finding(BasicAuthRefused.ID)).hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
      assertThat(r.topRootCause()).hasValueSatisfying(rc -> assertThat(rc.id()).isEqualTo(RootCause.BASIC_AUTH_REJECTED));
      assertNoPassword(TextReport.write(r) + ReportJson.write(r));
    }
  }

  private static void assertNoPassword(String text) {
    String plain = Base64.getEncoder().encodeToString(("\u0000user@example.test\u0000" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    String alone = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
    assertThat(text).doesNotContain(PASSWORD, plain, alone);
  }
}
