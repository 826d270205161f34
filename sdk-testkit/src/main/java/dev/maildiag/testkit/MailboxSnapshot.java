package dev.maildiag.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a simulated mailbox at one moment: per folder, its messages in order with UID and flags.
 * Two snapshots are equal when nothing was added, removed, moved or flagged.
 */
public record MailboxSnapshot(Map<String, List<Message>> folders) {
  /**
   * A snapshot.
   *
   * @param folders each folder's messages, in order
   */
  public MailboxSnapshot {
    folders = Map.copyOf(folders);
  }

  /** One message: its UID and its flags (e.g. {@code \Seen}). */
  public record Message(long uid, Set<String> flags) {
    /**
     * A message.
     *
     * @param uid its UID
     * @param flags its flags
     */
    public Message {
      flags = Set.copyOf(flags);
    }
  }

  /**
   * Number of messages in all folders.
   *
   * @return the count
   */
  public int messageCount() {
    return folders.values().stream().mapToInt(List::size).sum();
  }
}
