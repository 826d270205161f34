package dev.maildiag.testkit.witness;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import jakarta.mail.Flags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link MailboxWitness} over GreenMail servers and the {@link CommandRelay}s in front of them: every
 * folder of every server with its messages' UIDs and flags, and every verb the relays saw.
 */
public final class GreenMailWitness implements MailboxWitness {
  private final Map<String, GreenMail> servers;
  private final List<CommandRelay> relays;

  /** @param servers GreenMail servers by a name used as folder prefix (e.g. {@code imap}) */
  public GreenMailWitness(Map<String, GreenMail> servers, List<CommandRelay> relays) {
    this.servers = Map.copyOf(servers);
    this.relays = List.copyOf(relays);
  }

  @Override
  public MailboxSnapshot snapshot() {
    Map<String, List<MailboxSnapshot.Message>> folders = new TreeMap<>();
    servers.forEach((name, gm) -> {
      try {
        for (MailFolder folder : gm.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
          List<MailboxSnapshot.Message> messages = new ArrayList<>();
          for (StoredMessage m : folder.getMessages()) {
            messages.add(new MailboxSnapshot.Message(m.getUid(), flags(m.getFlags())));
          }
          folders.put(name + ":" + folder.getFullName(), messages);
        }
      } catch (FolderException e) {
        throw new IllegalStateException("cannot list the simulated mailboxes", e);
      }
    });
    return new MailboxSnapshot(folders);
  }

  @Override
  public List<String> commandsReceived() {
    return relays.stream().flatMap(r -> r.verbs().stream()).toList();
  }

  private static Set<String> flags(Flags flags) {
    Set<String> names = new LinkedHashSet<>();
    for (Flags.Flag f : flags.getSystemFlags()) {
      if (f == Flags.Flag.RECENT) {
        continue; // session state that servers clear when a folder is opened, not a change a client makes
      }
      names.add(f == Flags.Flag.SEEN ? "\\Seen" : f == Flags.Flag.FLAGGED ? "\\Flagged" : f == Flags.Flag.DELETED ? "\\Deleted"
          : f == Flags.Flag.ANSWERED ? "\\Answered" : f == Flags.Flag.DRAFT ? "\\Draft" : f.toString());
    }
    names.addAll(Arrays.asList(flags.getUserFlags()));
    return names;
  }
}
