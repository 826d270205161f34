package dev.maildiag.api.probe;

import static dev.maildiag.testkit.ReportAssert.assertThat;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.TextReport;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole chain of live probes against healthy mock servers of each protocol. */
class LiveProbesTest {
  private static final Secret TOKEN = Secret.of("tok-live-1");

  private static Report diagnose(MockMailServer server) {
    Report r = Maildiag.create().diagnose(server.context().accessToken(TOKEN).timeout(Duration.ofSeconds(3)).build());
    System.out.println(TextReport.write(r));
    return r;
  }

  @Test
  void healthyImapsPassesEveryProbe() {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(12).start()) {
      Report r = diagnose(imap);
      assertThat(r).hasNoErrors()
          .hasFinding(TcpConnects.ID, Severity.OK).hasFinding(TlsHandshake.ID, Severity.OK)
          .hasFinding(GreetingAndCapabilities.ID, Severity.OK).hasFinding(Xoauth2Authentication.ID, Severity.OK)
          .hasFinding(SessionServes.ID, Severity.OK).hasFinding(MailboxFolder.ID, Severity.OK);
    }
  }

  @Test
  void healthyPop3StarttlsPassesEveryProbe() {
    try (MockMailServer pop = MockMailServer.pop3().starttls(TestCertificates.localhost()).messages(3).start()) {
      Report r = diagnose(pop);
      assertThat(r).hasNoErrors().hasFinding(TlsHandshake.ID, Severity.OK).hasFinding(MailboxFolder.ID, Severity.OK);
    }
  }

  @Test
  void healthySmtpStarttlsPassesEveryProbe() {
    try (MockMailServer smtp = MockMailServer.smtp().starttls(TestCertificates.localhost()).start()) {
      Report r = diagnose(smtp);
      assertThat(r).hasNoErrors().hasFinding(SessionServes.ID, Severity.OK);
    }
  }
}
