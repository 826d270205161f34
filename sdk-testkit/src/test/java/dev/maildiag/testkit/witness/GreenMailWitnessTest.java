package dev.maildiag.testkit.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Secret;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.testkit.microsoft.SimulatedMicrosoft365;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The witness sees what a careless client does: a flag set and an expunge show in the snapshot and the verbs. */
class GreenMailWitnessTest {
  @Test
  void seesWritingCommandsAndTheirEffects() throws Exception {
    try (SimulatedMicrosoft365 m365 = SimulatedMicrosoft365.healthy().start()) {
      MailboxWitness witness = m365.mailbox().orElseThrow();
      MailboxSnapshot before = witness.snapshot();
      assertThat(before.messageCount()).isGreaterThanOrEqualTo(3);

      DiagnosticContext c = m365.context();
      List<Secret> secrets = m365.secrets();
      String issuedToken = secrets.get(secrets.size() - 1).reveal();
      Properties props = new Properties();
      props.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");
      Store store = Session.getInstance(props).getStore("imap");
      store.connect(c.server().host(), c.server().effectivePort(), c.server().effectiveMailbox(), issuedToken);
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        inbox.getMessage(3).setFlag(Flags.Flag.ANSWERED, true);
        inbox.close(true);
      } finally {
        store.close();
      }

      assertThat(witness.snapshot()).isNotEqualTo(before);
      assertThat(witness.writingCommands()).anyMatch(v -> v.endsWith("STORE"));
      assertThat(witness.commandsReceived()).contains("SELECT").noneMatch(v -> v.contains(issuedToken));
    }
  }
}
