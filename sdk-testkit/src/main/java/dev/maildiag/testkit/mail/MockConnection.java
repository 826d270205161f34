package dev.maildiag.testkit.mail;

import dev.maildiag.api.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/** One client connection of a {@link MockMailServer}. */
final class MockConnection implements Runnable {
  private static final int MAX_LINE = 64 * 1024;
  private final MockMailServer server;
  private final Protocol protocol;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private String selected;
  private int reportedCount;

  MockConnection(MockMailServer server, Socket socket) {
    this.server = server;
    this.protocol = server.protocol;
    this.socket = socket;
  }

  @Override
  public void run() {
    try {
      if (server.implicitTls != null) {
        socket = server.implicitTls.wrap(socket);
      }
      in = new java.io.BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      if (misbehave()) {
        return;
      }
      for (String line : server.greeting) {
        send(line);
      }
      String line;
      while (!server.isClosed() && (line = readLine()) != null) {
        if (!handle(line)) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away, or a test closed the server
    } finally {
      server.forget(socket);
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Returns true when the connection is done misbehaving and must end. */
  private boolean misbehave() throws IOException {
    switch (server.hostility) {
      case NONE:
        return false;
      case DROP:
        return true;
      case SILENT:
        drainUntilClosed();
        return true;
      case TRICKLE:
        byte[] greeting = (String.join("\r\n", server.greeting) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (byte b : greeting) {
          out.write(b);
          out.flush();
          sleep(1000);
        }
        drainUntilClosed();
        return true;
      case HUGE_GREETING:
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        byte[] start = (greetingPrefix()).getBytes(StandardCharsets.US_ASCII);
        out.write(start);
        for (int sent = 0; sent < 10 * 1024 * 1024; sent += chunk.length) {
          out.write(chunk);
        }
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        drainUntilClosed();
        return true;
      case GARBAGE:
        byte[] junk = new byte[16 * 1024];
        new Random(42).nextBytes(junk);
        out.write(junk);
        out.flush();
        drainUntilClosed();
        return true;
      default:
        throw new IllegalStateException(server.hostility.toString());
    }
  }

  private String greetingPrefix() {
    return switch (protocol) {
      case IMAP -> "* OK ";
      case POP3 -> "+OK ";
      case SMTP -> "220 ";
    };
  }

  private void drainUntilClosed() throws IOException {
    byte[] buf = new byte[4096];
    while (!server.isClosed() && in.read(buf) >= 0) {
      // swallow whatever the client sends
    }
  }

  /** Handles one command; false ends the connection. */
  private boolean handle(String line) throws IOException {
    String tag = "";
    String rest = line;
    if (protocol == Protocol.IMAP) {
      int sp = line.indexOf(' ');
      tag = sp < 0 ? line : line.substring(0, sp);
      rest = sp < 0 ? "" : line.substring(sp + 1);
    }
    String[] words = rest.split(" ", -1);
    String verb = words[0].toUpperCase(Locale.ROOT);
    server.record(redact(tag, verb, words));
    if (server.resetOn.contains(verb)) {
      socket.setSoLinger(true, 0);
      socket.close();
      return false;
    }
    if (server.stallOn.contains(verb)) {
      drainUntilClosed();
      return false;
    }
    sleep(server.delay.toMillis());
    List<String> canned = server.answers.get(verb);
    if (canned != null) {
      sendAll(canned, tag);
      return !isQuit(verb);
    }
    return switch (protocol) {
      case IMAP -> imap(tag, verb, words);
      case POP3 -> pop3(verb, words);
      case SMTP -> smtp(verb, words);
    };
  }

  private static boolean isQuit(String verb) {
    return verb.equals("LOGOUT") || verb.equals("QUIT");
  }

  private String redact(String tag, String verb, String[] words) {
    String prefix = tag.isEmpty() ? "" : tag + " ";
    switch (verb) {
      case "AUTHENTICATE":
      case "AUTH":
        String mech = words.length > 1 ? " " + words[1] : "";
        return prefix + words[0] + mech + (words.length > 2 ? " [sasl]" : "");
      case "LOGIN":
        return prefix + words[0] + (words.length > 1 ? " " + words[1] + " [secret]" : "");
      case "PASS":
        return words[0] + " [secret]";
      default:
        return prefix + String.join(" ", words);
    }
  }

  private boolean imap(String tag, String verb, String[] words) throws IOException {
    switch (verb) {
      case "CAPABILITY":
        send("* CAPABILITY " + String.join(" ", imapCapabilities()));
        send(tag + " OK CAPABILITY completed");
        return true;
      case "STARTTLS":
        return startTls(tag + " OK Begin TLS negotiation now");
      case "NOOP":
      case "CHECK":
        Integer now = selected == null ? null : folderCount(selected);
        if (now != null && now != reportedCount) {
          send("* " + now + " EXISTS"); // new mail, as servers report it in answer to NOOP
          reportedCount = now;
        }
        send(tag + " OK " + verb + " completed");
        return true;
      case "CLOSE":
      case "UNSELECT":
        selected = null;
        send(tag + " OK " + verb + " completed");
        return true;
      case "ID":
        send(tag + " OK " + verb + " completed");
        return true;
      case "LOGOUT":
        send("* BYE maildiag mock logging out");
        send(tag + " OK LOGOUT completed");
        return false;
      case "AUTHENTICATE":
        return sasl(tag, words, tag + " OK AUTHENTICATE completed");
      case "LOGIN":
        send(tag + " NO LOGIN refused by the mock: use XOAUTH2");
        return true;
      case "LIST":
      case "LSUB":
        String pattern = unquote(words.length > 2 ? words[words.length - 1] : "*");
        for (String name : server.folders.keySet()) {
          if (matches(pattern, name)) {
            send("* " + verb + " (\\HasNoChildren) \"/\" \"" + name + "\"");
          }
        }
        send(tag + " OK " + verb + " completed");
        return true;
      case "EXAMINE":
      case "SELECT":
      case "STATUS":
        String folder = unquote(words.length > 1 ? words[1] : "");
        Integer count = folderCount(folder);
        if (count == null) {
          send(tag + " NO Mailbox doesn't exist: " + folder);
          return true;
        }
        if (verb.equals("STATUS")) {
          send("* STATUS \"" + folder + "\" (MESSAGES " + count + ")");
          send(tag + " OK STATUS completed");
          return true;
        }
        selected = folder;
        reportedCount = count;
        send("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
        send("* " + count + " EXISTS");
        send("* 0 RECENT");
        send("* OK [UIDVALIDITY 1] UIDs valid");
        send("* OK [UIDNEXT " + (count + 1) + "] Predicted next UID");
        send(tag + (verb.equals("EXAMINE") ? " OK [READ-ONLY] EXAMINE completed" : " OK [READ-WRITE] SELECT completed"));
        return true;
      default:
        send(tag + " BAD Command not understood by the mock: " + verb);
        return true;
    }
  }

  private List<String> imapCapabilities() {
    List<String> caps = new ArrayList<>(server.capabilities);
    if (server.starttls != null && !(socket instanceof javax.net.ssl.SSLSocket)) {
      caps.add("STARTTLS");
    }
    return caps;
  }

  private Integer folderCount(String name) {
    for (Map.Entry<String, Integer> e : server.folders.entrySet()) {
      if (e.getKey().equals(name) || (e.getKey().equalsIgnoreCase("INBOX") && name.equalsIgnoreCase("INBOX"))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean matches(String pattern, String name) {
    if (pattern.equalsIgnoreCase("INBOX") && name.equalsIgnoreCase("INBOX")) {
      return true;
    }
    String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("%", "\\E[^/]*\\Q");
    return Pattern.matches(regex, name);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private boolean pop3(String verb, String[] words) throws IOException {
    switch (verb) {
      case "CAPA":
        send("+OK Capability list follows");
        for (String c : server.capabilities) {
          send(c);
        }
        if (server.starttls != null && !(socket instanceof javax.net.ssl.SSLSocket)) {
          send("STLS");
        }
        send(".");
        return true;
      case "STLS":
        return startTls("+OK Begin TLS negotiation");
      case "AUTH":
        return sasl("", words, "+OK Authenticated");
      case "USER":
        send("+OK");
        return true;
      case "PASS":
        send("-ERR Logon failure: the mock refuses passwords");
        return true;
      case "STAT":
        send("+OK " + server.folders.getOrDefault("INBOX", 0) + " 0");
        return true;
      case "NOOP":
      case "RSET":
        send("+OK");
        return true;
      case "QUIT":
        send("+OK Bye");
        return false;
      default:
        send("-ERR Command not understood by the mock: " + verb);
        return true;
    }
  }

  private boolean smtp(String verb, String[] words) throws IOException {
    switch (verb) {
      case "EHLO":
        List<String> lines = new ArrayList<>();
        lines.add("localhost Hello");
        lines.addAll(server.capabilities);
        if (server.starttls != null && !(socket instanceof javax.net.ssl.SSLSocket)) {
          lines.add("STARTTLS");
        }
        for (int i = 0; i < lines.size(); i++) {
          send("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
        }
        return true;
      case "HELO":
        send("250 localhost");
        return true;
      case "STARTTLS":
        return startTls("220 2.0.0 Ready to start TLS");
      case "AUTH":
        return sasl("", words, "235 2.7.0 Authentication successful");
      case "NOOP":
      case "RSET":
        send("250 2.0.0 OK");
        return true;
      case "QUIT":
        send("221 2.0.0 Bye");
        return false;
      default:
        send("502 5.5.2 Command not understood by the mock");
        return true;
    }
  }

  private boolean sasl(String tag, String[] words, String success) throws IOException {
    boolean initialResponse = words.length > 2;
    if (initialResponse) {
      noteUser(words[2]);
    }
    List<String> steps = initialResponse && !server.saslOneLineSteps.isEmpty() ? server.saslOneLineSteps : server.saslSteps;
    boolean needResponse = !initialResponse;
    for (String step : steps) {
      if (needResponse) {
        send("+ ");
        if (!readSaslLine()) {
          return false;
        }
        needResponse = false;
      }
      String s = step.replace("{tag}", tag);
      if (s.startsWith("+")) {
        send(s);
        if (!readSaslLine()) {
          return false;
        }
        continue;
      }
      send(s);
      return true;
    }
    if (needResponse) {
      send("+ ");
      if (!readSaslLine()) {
        return false;
      }
    }
    send(success);
    return true;
  }

  private boolean readSaslLine() throws IOException {
    String response = readLine();
    if (response == null) {
      return false;
    }
    server.record("[sasl]");
    noteUser(response.trim());
    return true;
  }

  /** Keeps the {@code user=} of an XOAUTH2 response (never the token), for tests that check who logged in. */
  private void noteUser(String base64) {
    try {
      String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
      if (decoded.startsWith("user=")) {
        int end = decoded.indexOf('\u0001');
        server.xoauth2Users.add(decoded.substring("user=".length(), end < 0 ? decoded.length() : end));
      }
    } catch (IllegalArgumentException notBase64) {
      // not an XOAUTH2 response (e.g. "=" or "*"): nobody to note
    }
  }

  private boolean startTls(String answer) throws IOException {
    if (server.starttls == null) {
      send(protocol == Protocol.IMAP ? answer.replaceFirst(" OK .*", " BAD STARTTLS not offered")
          : protocol == Protocol.POP3 ? "-ERR STLS not offered" : "502 5.5.1 STARTTLS not offered");
      return true;
    }
    send(answer);
    socket = server.starttls.wrap(socket);
    in = new java.io.BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    return true;
  }

  private void sendAll(List<String> lines, String tag) throws IOException {
    for (String l : lines) {
      send(l.replace("{tag}", tag));
    }
  }

  private void send(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = buf.toByteArray();
        int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
      }
      if (buf.size() >= MAX_LINE) {
        throw new IOException("client line longer than " + MAX_LINE);
      }
      buf.write(b);
    }
    return null;
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
