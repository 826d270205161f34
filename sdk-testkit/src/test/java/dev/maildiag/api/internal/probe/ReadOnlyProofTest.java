package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.testkit.mail.LocalMailbox;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A full diagnosis changes nothing in the mailbox: count, UIDs and every flag (\Seen included) stay as they were. */
class ReadOnlyProofTest {
  private static final java.util.List<String> WRITES = java.util.List.of("DELE", "STORE", "EXPUNGE", "COPY", "MOVE", "APPEND",
      "UID", "SELECT", "CREATE", "DELETE", "RENAME", "FETCH", "RETR", "TOP");

  @Test
  void fullImapAndPop3DiagnosisOfAThousandMessagesChangesNothing() {
    try (LocalMailbox mailbox = LocalMailbox.start().fill(1_000)) {
      LocalMailbox.Snapshot before = mailbox.snapshot();
      assertThat(before.count()).isEqualTo(1_000);
      assertThat(before.flagsByUid().values()).anyMatch(f -> f.contains("Seen")).anyMatch(f -> !f.contains("Seen"));

      Report imap = Maildiag.create().diagnose(mailbox.context(Protocol.IMAP));
      assertThat(imap).hasFinding(MailboxFolder.ID, Severity.OK).hasFinding(SessionServes.ID, Severity.OK);
      assertThat(imap.finding(MailboxFolder.ID).orElseThrow().evidence()).containsEntry("messages", "1000");
      Report pop3 = Maildiag.create().diagnose(mailbox.context(Protocol.POP3));
      assertThat(pop3).hasFinding(MailboxFolder.ID, Severity.OK).hasFinding(Xoauth2Authentication.ID, Severity.OK);

      LocalMailbox.Snapshot after = mailbox.snapshot();
      assertThat(after.count()).isEqualTo(before.count());
      assertThat(after.uids()).isEqualTo(before.uids());
      assertThat(after.flagsByUid()).isEqualTo(before.flagsByUid());
    }
  }

  @Test
  void theServersSeeNoWritingCommand() {
    Secret token = Secret.of("tok-ro");
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(1_000).start();
        MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).messages(1_000).start()) {
      assertThat(Maildiag.create().diagnose(imap.context(token))).hasNoErrors();
      assertThat(Maildiag.create().diagnose(pop.context(token))).hasNoErrors();
      assertThat(imap.verbs()).contains("EXAMINE").doesNotContainAnyElementsOf(WRITES);
      assertThat(pop.verbs()).contains("STAT", "QUIT").doesNotContainAnyElementsOf(WRITES);
    }
  }
}
