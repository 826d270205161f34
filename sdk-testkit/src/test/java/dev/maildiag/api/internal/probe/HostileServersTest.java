package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.mail.MockMailServer.Hostility;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile servers give a clear finding soon after the configured timeout (1 s here), read at most
 * {@link MailWire#MAX_LINE} bytes of a line, and never put a stack trace in the report.
 */
class HostileServersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  /** 1.5 x the timeout, plus a generous margin for a loaded machine. */
  private static final Duration BOUND = TIMEOUT.multipliedBy(3).dividedBy(2).plusMillis(1_500);

  private static Report diagnose(MockMailServer server) {
    long start = System.nanoTime();
    Report report = Maildiag.create().diagnose(server.context().accessToken(Secret.of("tok-hostile")).timeout(TIMEOUT).build());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String text = TextReport.write(report);
    assertThat(took).as("diagnosis took %s%n%s", took, text).isLessThan(BOUND);
    String json = ReportJson.write(report);
    assertThat(text + json).doesNotContain("\tat ", "at java.", "at dev.maildiag", "Exception:", "tok-hostile");
    return report;
  }

  private static Finding failing(Report r, String checkId) {
    Finding f = r.finding(checkId).orElseThrow();
    assertThat(f.severity()).as(f.summary()).isEqualTo(Severity.ERROR);
    assertThat(f.duration()).isLessThan(BOUND);
    return f;
  }

  @Test
  void silentServer() {
    try (MockMailServer imap = MockMailServer.imap().hostile(Hostility.SILENT).start()) {
      Report r = diagnose(imap);
      assertThat(failing(r, GreetingAndCapabilities.ID).rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
      assertThat(r).hasTopRootCause(RootCause.NOT_A_MAIL_SERVER).hasFinding(Xoauth2Authentication.ID, Severity.SKIPPED);
    }
  }

  @Test
  void silentServerOnATlsPort() {
    try (MockMailServer imap = MockMailServer.imap().hostile(Hostility.SILENT).start()) {
      Report r = Maildiag.create().diagnose(imap.context().security(Security.SSL).timeout(TIMEOUT).build());
      assertThat(failing(r, TlsHandshake.ID).rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
    }
  }

  @Test
  void oneBytePerSecond() {
    try (MockMailServer pop = MockMailServer.pop3().hostile(Hostility.TRICKLE).start()) {
      Report r = diagnose(pop);
      Finding f = failing(r, GreetingAndCapabilities.ID);
      assertThat(f.rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
      assertThat(f.evidence().get("error")).contains("bytes received");
    }
  }

  @Test
  void tenMegabyteGreeting() {
    try (MockMailServer imap = MockMailServer.imap().hostile(Hostility.HUGE_GREETING).start()) {
      Report r = diagnose(imap);
      Finding f = failing(r, GreetingAndCapabilities.ID);
      assertThat(f.rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
      assertThat(f.summary()).contains("longer than " + MailWire.MAX_LINE);
    }
  }

  @Test
  void binaryGarbage() {
    try (MockMailServer smtp = MockMailServer.smtp().hostile(Hostility.GARBAGE).start()) {
      Report r = diagnose(smtp);
      assertThat(failing(r, GreetingAndCapabilities.ID).rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
    }
  }

  @Test
  void resetDuringSasl() {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).resetOn("AUTHENTICATE").start()) {
      Report r = diagnose(imap);
      Finding f = failing(r, Xoauth2Authentication.ID);
      assertThat(f.summary()).containsIgnoringCase("reset");
      assertThat(f.detail()).contains("authentication");
      assertThat(r).hasFinding(SessionServes.ID, Severity.SKIPPED);
    }
  }

  @Test
  void silenceDuringSasl() {
    try (MockMailServer smtp = MockMailServer.smtp().tls(TestCertificates.localhost()).stallOn("AUTH").start()) {
      Report r = diagnose(smtp);
      Finding f = failing(r, Xoauth2Authentication.ID);
      // Angus' read timeout or, on a loaded machine, the check's own time limit: both say the server went silent
      assertThat(f.summary() + " " + f.detail()).contains("did not answer");
    }
  }

  @Test
  void plaintextOnATlsPort() {
    try (MockMailServer imap = MockMailServer.imap().start()) {
      Report r = Maildiag.create().diagnose(imap.context().security(Security.SSL).accessToken(Secret.of("t")).timeout(TIMEOUT).build());
      assertThat(failing(r, TlsHandshake.ID).rootCause()).isEqualTo(RootCause.TLS_MODE_MISMATCH);
      assertThat(r).hasFinding(GreetingAndCapabilities.ID, Severity.SKIPPED);
    }
  }

  @Test
  void droppedConnection() {
    try (MockMailServer pop = MockMailServer.pop3().hostile(Hostility.DROP).start()) {
      Report r = diagnose(pop);
      assertThat(failing(r, GreetingAndCapabilities.ID).rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
    }
  }
}
