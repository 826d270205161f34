package dev.maildiag.testkit.internal;

import dev.maildiag.api.Protocol;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The commands a client sent to a simulated server, one per line, starting with the verb (IMAP tags removed),
 * with SASL responses and passwords replaced by {@code [sasl]} and {@code [secret]}: read from the plain bytes
 * the {@link TlsFront} forwards, so that it sees what the real server received.
 * Not API: may change.
 */
final class CommandLog {
  private static final int MAX_LINES = 10_000;
  private static final int MAX_LINE = 8192;
  private static final Set<String> POP_SMTP_VERBS = Set.of("USER", "PASS", "APOP", "CAPA", "STAT", "LIST", "RETR", "DELE", "NOOP",
      "RSET", "QUIT", "TOP", "UIDL", "AUTH", "STLS", "EHLO", "HELO", "MAIL", "RCPT", "DATA", "VRFY", "EXPN", "HELP", "STARTTLS", "BDAT");

  private final Protocol protocol;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  CommandLog(Protocol protocol) {
    this.protocol = protocol;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** A splitter for one connection's client bytes. */
  Sink sink() {
    return new Sink();
  }

  final class Sink {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    void accept(byte[] buf, int len) {
      for (int i = 0; i < len; i++) {
        byte b = buf[i];
        if (b == '\n') {
          record(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
          line.reset();
        } else if (line.size() < MAX_LINE) {
          line.write(b);
        }
      }
    }
  }

  private void record(String raw) {
    if (lines.size() < MAX_LINES) {
      lines.add(redact(protocol, raw));
    }
  }

  static String redact(Protocol protocol, String raw) {
    String[] words = raw.strip().split("\\s+");
    int v = protocol == Protocol.IMAP ? 1 : 0;
    if (words.length <= v || !words[v].matches("[A-Za-z]+")) {
      return "[sasl]";
    }
    String verb = words[v].toUpperCase(Locale.ROOT);
    if (protocol != Protocol.IMAP && !POP_SMTP_VERBS.contains(verb)) {
      return "[sasl]";
    }
    switch (verb) {
      case "AUTHENTICATE", "AUTH":
        return verb + (words.length > v + 1 ? " " + words[v + 1] : "") + (words.length > v + 2 ? " [sasl]" : "");
      case "LOGIN":
        return verb + (words.length > v + 1 ? " " + words[v + 1] + " [secret]" : "");
      case "PASS":
        return "PASS [secret]";
      default:
        StringBuilder s = new StringBuilder(verb);
        for (int i = v + 1; i < words.length; i++) {
          s.append(' ').append(i == v + 1 && verb.equals("UID") ? words[i].toUpperCase(Locale.ROOT) : words[i]);
        }
        return s.toString();
    }
  }
}
