package dev.maildiag.realpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Seeds maildirs directly (as a delivery agent would) and takes snapshots of what a diagnosis must never change:
 * which messages exist, their flags (in the file name), and the UIDs Dovecot gave them (dovecot-uidlist).
 */
final class Maildirs {
  private Maildirs() {}

  /** One message as the snapshot sees it. */
  record Message(String folder, String place, String flags, long uid) {}

  /**
   * Writes {@code count} messages into {@code folder} ("" is INBOX) of the maildir: every third one still in
   * {@code new/}, the others in {@code cur/} with flags (seen, or seen and flagged).
   */
  static void seed(Path maildir, String folder, int count) {
    Path dir = folder.isEmpty() ? maildir : maildir.resolve("." + folder);
    try {
      for (String sub : new String[] {"cur", "new", "tmp"}) {
        Files.createDirectories(dir.resolve(sub));
      }
      if (!folder.isEmpty()) {
        Files.writeString(dir.resolve("maildirfolder"), "");
      }
      for (int i = 1; i <= count; i++) {
        String body = "From: sender" + i + "@example.test\r\nTo: " + RealDovecot.USER + "\r\nSubject: message " + i
            + "\r\nMessage-ID: <" + i + "." + folder + "@real-peers.test>\r\n\r\nBody of message " + i + ".\r\n";
        // S= and W= (size and size with CRLF line ends) as a delivery agent writes them: the server need not read the file
        String base = (1_764_000_000L + i) + ".M" + i + "P1.real-peers,S=" + body.length() + ",W=" + body.length();
        Path file = i % 3 == 0 ? dir.resolve("new").resolve(base)
            : dir.resolve("cur").resolve(base + ":2," + (i % 3 == 1 ? "S" : "FS"));
        Files.writeString(file, body, StandardCharsets.US_ASCII);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every message of every folder, by file base name (the part before {@code :2,}). */
  static Map<String, Message> snapshot(Path maildir) {
    Map<String, Message> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(maildir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String place = f.getParent() == null ? "" : f.getParent().getFileName().toString();
        if (!Files.isRegularFile(f) || !(place.equals("cur") || place.equals("new"))) {
          continue;
        }
        Path folderDir = f.getParent().getParent();
        String folder = folderDir.equals(maildir) ? "INBOX" : folderDir.getFileName().toString().substring(1);
        String name = f.getFileName().toString();
        int colon = name.indexOf(":2,");
        String base = colon < 0 ? name : name.substring(0, colon);
        String flags = colon < 0 ? "" : name.substring(colon + 3);
        all.put(folder + "/" + base, new Message(folder, place, flags, uid(folderDir, base)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** The UID Dovecot's uidlist gives the message, or 0 before Dovecot has seen it. */
  private static long uid(Path folderDir, String base) throws IOException {
    Path list = folderDir.resolve("dovecot-uidlist");
    if (!Files.exists(list)) {
      return 0;
    }
    for (String line : Files.readAllLines(list, StandardCharsets.ISO_8859_1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(colon + 1).startsWith(base) && Character.isDigit(line.charAt(0))) {
        return Long.parseLong(line.substring(0, line.indexOf(' ')));
      }
    }
    return 0;
  }
}
