package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailboxLimits;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MailboxFolderTest {
  private static final Secret TOKEN = Secret.of("tok-mailbox");

  @Test
  void opensTheFolderReadOnlyAndCountsWithoutFetching() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(42).start()) {
      Finding f = Probe.run(new MailboxFolder(), imap.context(TOKEN));
      assertThat(f.severity()).isEqualTo(Severity.OK);
      assertThat(f.evidence()).containsEntry("messages", "42").containsEntry("openedWith", "EXAMINE (read-only)");
      assertThat(imap.verbs()).contains("EXAMINE").doesNotContain("SELECT", "FETCH", "STORE", "EXPUNGE");
    }
  }

  @Test
  void aLocalizedInboxIsCaughtWithTheServersNames() throws Exception {
    Map<String, Integer> german = new LinkedHashMap<>();
    german.put("Posteingang", 3);
    german.put("Gesendete Elemente", 0);
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).folders(german).start()) {
      Finding f = Probe.run(new MailboxFolder(), imap.context().accessToken(TOKEN).folder("Inbox").build());
      assertThat(f.rootCause()).isEqualTo(RootCause.INBOX_FOLDER_MISSING);
      assertThat(f.evidence().get("serverFolders")).contains("Posteingang", "Gesendete Elemente");
      assertThat(f.remediation().steps()).anyMatch(s -> s.contains("Posteingang"));
    }
  }

  @Test
  void aFolderAboveTheThresholdIsFlooded() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).messages(25_000).start()) {
      Finding f = Probe.run(new MailboxFolder(), pop.context(TOKEN));
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.rootCause()).isEqualTo(RootCause.INBOX_FLOODED);
      assertThat(pop.verbs()).doesNotContain("DELE", "RETR", "TOP");
    }
  }

  @Test
  void aFastGrowingFolderIsFloodedToo() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(10).start()) {
      Thread grower = new Thread(() -> {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!imap.verbs().contains("EXAMINE") && System.nanoTime() < until) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
        imap.messages(60); // 50 more within the sampling window, after the first count
      });
      grower.start();
      Finding f = Probe.run(new MailboxFolder(), imap.context().accessToken(TOKEN)
          .mailboxLimits(new MailboxLimits(10_000, Duration.ofMillis(600), 100)).build());
      assertThat(f.rootCause()).as(f.summary()).isEqualTo(RootCause.INBOX_FLOODED);
      assertThat(f.summary()).contains("grows");
    }
  }

  @Test
  void pop3HasOnlyTheInbox() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).messages(2).start()) {
      Finding f = Probe.run(new MailboxFolder(), pop.context().accessToken(TOKEN).folder("Support").build());
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.summary()).contains("only INBOX");
    }
  }
}
