package dev.maildiag.testkit.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that behaves until the greeting and the login are done and then turns hostile, where
 * Angus Mail reads rather than maildiag's own wire code: a 100 MB CAPABILITY answer the second time it is
 * asked, an endless line after login, an IMAP literal announced as {@code {999999999}}, or a POP3 STAT
 * answer that never ends. Everything hostile is sent from one small buffer.
 */
final class PostLoginPeer implements AutoCloseable {
  enum Mode { HUGE_CAPABILITY, ENDLESS_LINE, HUGE_LITERAL, POP3_ENDLESS, SMTP_HUGE_EHLO }

  static final long HOSTILE_BYTES = 200L * 1024 * 1024;
  private final ServerSocket server;
  private final Mode mode;
  private final AtomicInteger capabilities = new AtomicInteger();
  private final AtomicInteger ehlos = new AtomicInteger();

  PostLoginPeer(Mode mode) throws IOException {
    this.mode = mode;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread c = new Thread(() -> serve(s), "post-login-peer-conn");
          c.setDaemon(true);
          c.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "post-login-peer");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve(Socket s) {
    try (s) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = s.getOutputStream();
      boolean pop3 = mode == Mode.POP3_ENDLESS;
      boolean smtp = mode == Mode.SMTP_HUGE_EHLO;
      send(out, pop3 ? "+OK ready" : smtp ? "220 hostile.test ESMTP" : "* OK IMAP4rev1 ready");
      boolean continuation = false;
      for (String line; (line = in.readLine()) != null; ) {
        String[] w = line.split(" ");
        if (pop3) {
          switch (w[0].toUpperCase(Locale.ROOT)) {
            case "CAPA" -> send(out, "+OK", "USER", "SASL XOAUTH2", ".");
            case "AUTH" -> {
              if (w.length > 2 || continuation) {
                send(out, "+OK welcome");
              } else {
                continuation = true;
                send(out, "+ ");
              }
            }
            case "STAT", "UIDL", "LIST" -> endless(out, "+OK ".getBytes(StandardCharsets.US_ASCII));
            case "QUIT" -> {
              send(out, "+OK bye");
              return;
            }
            default -> send(out, continuation ? "+OK welcome" : "+OK");
          }
          continue;
        }
        if (smtp) {
          switch (w[0].toUpperCase(Locale.ROOT)) {
            case "EHLO" -> {
              if (ehlos.incrementAndGet() > 1) {
                endless(out, "250-".getBytes(StandardCharsets.US_ASCII));
              } else {
                send(out, "250-hostile.test", "250 AUTH XOAUTH2");
              }
            }
            case "AUTH" -> endless(out, "235-".getBytes(StandardCharsets.US_ASCII));
            case "QUIT" -> {
              send(out, "221 bye");
              return;
            }
            default -> endless(out, "250-".getBytes(StandardCharsets.US_ASCII));
          }
          continue;
        }
        String tag = w[0];
        String verb = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "";
        switch (verb) {
          case "CAPABILITY" -> {
            if (mode == Mode.HUGE_CAPABILITY && capabilities.incrementAndGet() > 1) {
              endless(out, "* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2 ".getBytes(StandardCharsets.US_ASCII));
            } else {
              send(out, "* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2", tag + " OK done");
            }
          }
          case "AUTHENTICATE" -> send(out, tag + " OK authenticated");
          case "LOGOUT" -> {
            send(out, "* BYE bye", tag + " OK bye");
            return;
          }
          case "NOOP", "LIST", "LSUB", "EXAMINE", "SELECT", "STATUS" -> {
            if (mode == Mode.ENDLESS_LINE) {
              endless(out, "* ".getBytes(StandardCharsets.US_ASCII));
            } else if (mode == Mode.HUGE_LITERAL) {
              endless(out, "* LIST () \"/\" {999999999}\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
              send(out, tag + " OK " + verb);
            }
          }
          default -> send(out, tag + " OK");
        }
      }
    } catch (IOException e) {
      // the client stopped reading and closed: what a bounded client does
    }
  }

  /** {@code head}, then {@link #HOSTILE_BYTES} bytes without a line end. */
  private static void endless(OutputStream out, byte[] head) throws IOException {
    out.write(head);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) 'A');
    for (long sent = 0; sent < HOSTILE_BYTES; sent += chunk.length) {
      out.write(chunk);
    }
    out.flush();
  }

  private static void send(OutputStream out, String... lines) throws IOException {
    for (String l : lines) {
      out.write((l + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
