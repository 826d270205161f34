package dev.maildiag.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A simulated mailbox seen from the server side: its content and the commands its server received, so that
 * a test can prove a diagnosis is read-only (same messages, UIDs and flags; no command that changes anything).
 */
public interface MailboxWitness {
  /** Commands that change a mailbox: POP3 {@code DELE}, IMAP {@code STORE}, {@code EXPUNGE}, {@code COPY}, {@code MOVE} and friends. */
  Set<String> WRITING_VERBS = Set.of("DELE", "STORE", "EXPUNGE", "COPY", "MOVE", "APPEND", "DELETE", "RENAME",
      "CREATE", "UID STORE", "UID EXPUNGE", "UID COPY", "UID MOVE", "SETACL", "DELETEACL", "SETQUOTA", "SETMETADATA");

  /**
   * What the mailbox holds now.
   *
   * @return a snapshot, to compare with a later one
   */
  MailboxSnapshot snapshot();

  /**
   * The commands received so far, one per line, starting with the verb (IMAP tags removed, secrets redacted);
   * {@code UID} commands as {@code UID <verb> ...}.
   *
   * @return the commands, oldest first
   */
  List<String> commandsReceived();

  /**
   * The received commands that would change a mailbox.
   *
   * @return the writing commands, empty after a read-only diagnosis
   */
  default List<String> writingCommands() {
    return commandsReceived().stream().filter(MailboxWitness::isWriting).toList();
  }

  /**
   * Whether a received command would change a mailbox.
   *
   * @param command a command as {@link #commandsReceived()} gives it
   * @return whether its verb is one of {@link #WRITING_VERBS}
   */
  static boolean isWriting(String command) {
    String[] words = command.strip().toUpperCase(Locale.ROOT).split("\\s+");
    if (words.length == 0) {
      return false;
    }
    String verb = words[0].equals("UID") && words.length > 1 ? "UID " + words[1] : words[0];
    return WRITING_VERBS.contains(verb);
  }
}
