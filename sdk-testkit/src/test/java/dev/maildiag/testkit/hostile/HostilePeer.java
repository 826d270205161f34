package dev.maildiag.testkit.hostile;

import dev.maildiag.testkit.tls.ServerCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw server on loopback for behaviours no protocol server has: an endless line, and HTTP answers of any
 * shape and size from a token endpoint. One behaviour for every connection; optionally TLS with a test
 * certificate.
 */
final class HostilePeer implements AutoCloseable {
  /** What the peer does with one accepted connection. */
  interface Behaviour {
    void serve(Socket socket) throws Exception;
  }

  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private static final AtomicLong SENT = new AtomicLong();

  private HostilePeer(ServerCertificate tls, Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket accepted = server.accept();
          Socket s = tls == null ? accepted : tls.wrap(accepted);
          open.add(s);
          Thread t = new Thread(() -> {
            try {
              behaviour.serve(s);
            } catch (Exception e) {
              // the client gave up or the test is over
            }
          }, "hostile-peer-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "hostile-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static HostilePeer start(Behaviour behaviour) throws IOException {
    return new HostilePeer(null, behaviour);
  }

  static HostilePeer startTls(ServerCertificate certificate, Behaviour behaviour) throws IOException {
    return new HostilePeer(certificate, behaviour);
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }

  /** Bytes of hostile payload sent by all peers so far (to compare with the client's heap growth). */
  static long bytesSent() {
    return SENT.get();
  }

  /**
   * Sends a greeting line of {@code bytes} bytes ({@code * OK AAAA...}), then CRLF if {@code terminated},
   * then stays silent; from a small buffer, so that the peer itself allocates nothing.
   */
  static Behaviour longLine(long bytes, boolean terminated) {
    return s -> {
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'A');
      OutputStream out = s.getOutputStream();
      out.write("* OK ".getBytes(StandardCharsets.US_ASCII));
      for (long sent = 0; sent < bytes; sent += chunk.length) {
        int n = (int) Math.min(chunk.length, bytes - sent);
        out.write(chunk, 0, n);
        SENT.addAndGet(n);
      }
      if (terminated) {
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      drain(s.getInputStream());
    };
  }

  /** Reads an HTTP request (head and a Content-Length body), then sends {@code head} and {@code bodyBytes} bytes of {@code body}. */
  static Behaviour http(String head, byte[] body, long bodyBytes) {
    return s -> {
      InputStream in = s.getInputStream();
      int contentLength = 0;
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) != -1; ) {
        if (c == '\n') {
          String l = line.toString().strip();
          if (l.isEmpty()) {
            break;
          }
          if (l.toLowerCase().startsWith("content-length:")) {
            contentLength = Integer.parseInt(l.substring(15).strip());
          }
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
      in.readNBytes(contentLength);
      OutputStream out = s.getOutputStream();
      out.write(head.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      for (long sent = 0; sent < bodyBytes; sent += body.length) {
        int n = (int) Math.min(body.length, bodyBytes - sent);
        out.write(body, 0, n);
        SENT.addAndGet(n);
      }
      out.flush();
      drain(in);
    };
  }

  private static void drain(InputStream in) throws IOException {
    byte[] sink = new byte[4096];
    while (in.read(sink) != -1) {
      // keep the connection open until the client closes it
    }
  }
}
