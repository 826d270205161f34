package dev.maildiag.testkit;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MailboxWitnessTest {
  @Test
  void writingCommandsAreRecognisedByVerbIncludingUidForms() {
    MailboxWitness witness = new MailboxWitness() {
      @Override public MailboxSnapshot snapshot() { return new MailboxSnapshot(java.util.Map.of()); }
      @Override public List<String> commandsReceived() {
        return List.of("CAPABILITY", "AUTHENTICATE XOAUTH2 [sasl]", "EXAMINE INBOX", "uid store 1 +FLAGS (\\Seen)",
            "UID FETCH 1:* (FLAGS)", "dele 1", "STAT", "EXPUNGE", "MOVE 1 Trash", "STORE 1 -FLAGS (\\Seen)");
      }
    };
    assertThat(witness.writingCommands())
        .containsExactly("uid store 1 +FLAGS (\\Seen)", "dele 1", "EXPUNGE", "MOVE 1 Trash", "STORE 1 -FLAGS (\\Seen)");
  }
}
