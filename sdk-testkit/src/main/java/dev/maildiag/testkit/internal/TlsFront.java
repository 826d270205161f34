package dev.maildiag.testkit.internal;

import dev.maildiag.api.Protocol;
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
 * Terminates TLS on loopback with a test certificate and relays the plain bytes to a local server: GreenMail
 * only serves TLS with its own certificate, which names no host, so this puts a real mail server behind TLS
 * that maildiag verifies like any other (test CA trusted, host name checked). It logs the commands clients
 * send, with SASL responses and passwords redacted, so tests can prove what the server received.
 * Not API: may change.
 */
public final class TlsFront implements AutoCloseable {
  private final ServerSocket listener;
  private final int backendPort;
  private final ServerCertificate certificate;
  private final CommandLog log;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private TlsFront(ServerCertificate certificate, int backendPort, CommandLog log) throws IOException {
    this.certificate = certificate;
    this.log = log;
    this.backendPort = backendPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tls-front-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a front on a free loopback port that relays to {@code backendPort}, a plain {@code protocol} server. */
  public static TlsFront start(int backendPort, ServerCertificate certificate, Protocol protocol) {
    try {
      return new TlsFront(certificate, backendPort, new CommandLog(protocol));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** The commands clients sent through this front, in order, redacted. */
  public List<String> commands() {
    return log.lines();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket accepted = listener.accept();
        // answers are relayed as they come, often a line at a time: with Nagle's algorithm on, each second small
        // write waits for a delayed acknowledgement (about 40 ms), a stall no real mail server adds
        accepted.setTcpNoDelay(true);
        Socket client = certificate.wrap(accepted);
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        backend.setTcpNoDelay(true);
        open.add(client);
        open.add(backend);
        pump(client, backend, log.sink());
        pump(backend, client, null);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, CommandLog.Sink sink) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (sink != null) {
            sink.accept(buf, n);
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed: the connection is over
      } finally {
        Closing.quietly(from, to);
      }
    }, "tls-front-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    closed = true;
    Closing.all(listener, open);
  }
}
