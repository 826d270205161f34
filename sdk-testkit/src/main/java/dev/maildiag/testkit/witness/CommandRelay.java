package dev.maildiag.testkit.witness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A plaintext TCP relay on loopback in front of a simulated mail server that writes down the command verbs
 * clients send, so that a test can prove no writing command (STORE, EXPUNGE, DELE, ...) was sent. Only verbs
 * are kept (with {@code UID} and the next word), never arguments, so no SASL payload or password is recorded.
 */
public final class CommandRelay implements AutoCloseable {
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
  private static final Pattern TAG = Pattern.compile("[A-Za-z]*[0-9]+");

  private final ServerSocket server;
  private final int targetPort;
  private final List<String> verbs = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private CommandRelay(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "command-relay-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Relays connections on a free loopback port to {@code 127.0.0.1:targetPort}. */
  public static CommandRelay to(int targetPort) {
    try {
      return new CommandRelay(targetPort);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a relay", e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The verbs received so far, upper case, e.g. {@code CAPABILITY}, {@code UID FETCH}, {@code DELE}. */
  public List<String> verbs() {
    return List.copyOf(verbs);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(upstream);
        pump(upstream.getInputStream(), client.getOutputStream(), client, upstream, false);
        pump(client.getInputStream(), upstream.getOutputStream(), client, upstream, true);
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private void pump(InputStream in, OutputStream out, Socket client, Socket upstream, boolean record) {
    Thread t = new Thread(() -> {
      StringBuilder line = new StringBuilder();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, n);
          out.flush();
          if (record) {
            for (int i = 0; i < n; i++) {
              char c = (char) (buffer[i] & 0xff);
              if (c == '\n') {
                recordLine(line.toString());
                line.setLength(0);
              } else if (line.length() < 64) {
                line.append(c);
              }
            }
          }
        }
      } catch (IOException e) {
        // one side closed
      } finally {
        closeQuietly(client);
        closeQuietly(upstream);
        open.remove(client);
        open.remove(upstream);
      }
    }, "command-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private void recordLine(String line) {
    List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+")));
    if (words.size() > 1 && TAG.matcher(words.get(0)).matches()) {
      words.remove(0);
    }
    if (words.isEmpty() || !WORD.matcher(words.get(0)).matches()) {
      return; // a SASL continuation or message data: not a command
    }
    String verb = words.get(0).toUpperCase(Locale.ROOT);
    if (verb.equals("UID") && words.size() > 1 && WORD.matcher(words.get(1)).matches()) {
      verb += " " + words.get(1).toUpperCase(Locale.ROOT);
    }
    verbs.add(verb);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(CommandRelay::closeQuietly);
  }
}
