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
  private volatile boolean closed;

  private TlsFront(int backendPort, ServerCertificate certificate) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.backendPort = backendPort;
    this.certificate = certificate;
  }

  static TlsFront start(int backendPort, ServerCertificate certificate) {
    try {
      TlsFront front = new TlsFront(backendPort, certificate);
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
        pump(client.getInputStream(), backend.getOutputStream(), client, backend);
        pump(backend.getInputStream(), client.getOutputStream(), client, backend);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private static void pump(InputStream in, OutputStream out, Socket a, Socket b) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
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
}
