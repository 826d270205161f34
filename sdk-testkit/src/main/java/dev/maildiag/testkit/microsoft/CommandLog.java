package dev.maildiag.testkit.microsoft;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The commands a client sent, one per line as a {@link dev.maildiag.testkit.MailboxWitness} reports them:
 * IMAP tags removed, SASL responses and passwords replaced, so the log itself never holds a secret.
 */
final class CommandLog {
  private final List<String> commands = new CopyOnWriteArrayList<>();
  private volatile boolean saslPending;

  /** Records one line the client sent. */
  void line(String raw, boolean imap) {
    String line = raw.strip();
    if (line.isEmpty()) {
      return;
    }
    if (saslPending) {
      saslPending = false;
      if (!line.equals("*")) {
        commands.add("[sasl]");
        return;
      }
    }
    String[] words = line.split("\\s+");
    int verbAt = imap && words.length > 1 ? 1 : 0;
    String verb = words[verbAt].toUpperCase(Locale.ROOT);
    if (verb.equals("UID") && words.length > verbAt + 1) {
      verb = "UID " + words[verbAt + 1].toUpperCase(Locale.ROOT);
    }
    switch (verb) {
      case "AUTHENTICATE", "AUTH" -> {
        String mechanism = words.length > verbAt + 1 ? words[verbAt + 1].toUpperCase(Locale.ROOT) : "";
        boolean initialResponse = words.length > verbAt + 2;
        commands.add(verb + " " + mechanism + (initialResponse ? " [sasl]" : ""));
        saslPending = !initialResponse;
      }
      case "LOGIN", "PASS", "USER" -> commands.add(verb + " [secret]");
      default -> commands.add(String.join(" ", java.util.Arrays.copyOfRange(words, verbAt, words.length)));
    }
  }

  List<String> commands() {
    return List.copyOf(commands);
  }
}
