package dev.maildiag.testkit.microsoft;

import dev.maildiag.testkit.tls.ServerCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Implicit TLS in front of a plain loopback server, with a certificate from the test CA: lets GreenMail
 * (whose own certificate names no host) be reached the way Exchange Online is, over verified TLS.
 */
final class TlsFront implements AutoCloseable {
  private final ServerSocket server;
  private final int backendPort;
  private final ServerCertificate certificate;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CommandLog log = new CommandLog();
  private final boolean imap;
  private volatile boolean closed;

  private TlsFront(int backendPort, ServerCertificate certificate, boolean imap) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.backendPort = backendPort;
    this.certificate = certificate;
    this.imap = imap;
  }

  /** Starts a front; {@code imap} says whether client lines start with a tag. */
  static TlsFront start(int backendPort, ServerCertificate certificate, boolean imap) {
    try {
      TlsFront front = new TlsFront(backendPort, certificate, imap);
      Thread t = new Thread(front::acceptLoop, "tls-front-" + front.port());
      t.setDaemon(true);
      t.start();
      return front;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = certificate.wrap(server.accept());
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        open.add(client);
        open.add(backend);
        pump(client.getInputStream(), backend.getOutputStream(), client, backend, new LineSplitter(log, imap));
        pump(backend.getInputStream(), client.getOutputStream(), client, backend, null);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  /** The commands clients sent through this front. */
  List<String> commands() {
    return log.commands();
  }

  private static void pump(InputStream in, OutputStream out, Socket a, Socket b, LineSplitter lines) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          if (lines != null) {
            lines.feed(buf, n);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // one side went away: close both below
      } finally {
        closeQuietly(a);
        closeQuietly(b);
      }
    }, "tls-front-pump");
    t.setDaemon(true);
    t.start();
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
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(TlsFront::closeQuietly);
  }

  /** Cuts the client's bytes into lines for the command log; an over-long line is cut at 4 KiB. */
  private static final class LineSplitter {
    private final CommandLog log;
    private final boolean imap;
    private final StringBuilder line = new StringBuilder();

    LineSplitter(CommandLog log, boolean imap) {
      this.log = log;
      this.imap = imap;
    }

    void feed(byte[] buf, int n) {
      for (int i = 0; i < n; i++) {
        char c = (char) (buf[i] & 0xff);
        if (c == '\n') {
          log.line(line.toString(), imap);
          line.setLength(0);
        } else if (line.length() < 4096) {
          line.append(c);
        }
      }
    }
  }
}
