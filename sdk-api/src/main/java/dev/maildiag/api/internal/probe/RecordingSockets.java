package dev.maildiag.api.internal.probe;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/**
 * A plain socket factory whose sockets keep the first bytes they read (bounded): Angus Mail reads a proxy's
 * whole answer to CONNECT (status line and headers such as Squid's {@code X-Squid-Error}) but reports only the
 * status line, and the headers say what the proxy saw behind it. Only the peer's bytes are kept, never ours.
 */
final class RecordingSockets extends SocketFactory {
  static final int MAX_BYTES = 8 * 1024;
  private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
  private final int readTimeoutMillis;

  /** @param readTimeoutMillis set on every socket at once: Angus sets its own only after the CONNECT answer */
  RecordingSockets(int readTimeoutMillis) {
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /** What the peer sent, as text, up to {@link #MAX_BYTES}. */
  synchronized String seen() {
    return seen.toString(StandardCharsets.ISO_8859_1);
  }

  private synchronized void record(byte[] b, int off, int len) {
    seen.write(b, off, Math.max(0, Math.min(len, MAX_BYTES - seen.size())));
  }

  @Override
  public Socket createSocket() throws java.net.SocketException {
    Socket s = recordingSocket();
    s.setSoTimeout(readTimeoutMillis);
    return s;
  }

  private Socket recordingSocket() {
    return new Socket() {
      private InputStream recorded;

      @Override
      public synchronized InputStream getInputStream() throws IOException {
        if (recorded == null) {
          recorded = new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
              int b = super.read();
              if (b >= 0) {
                record(new byte[] {(byte) b}, 0, 1);
              }
              return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              int n = super.read(b, off, len);
              if (n > 0) {
                record(b, off, n);
              }
              return n;
            }
          };
        }
        return recorded;
      }
    };
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(null, new java.net.InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected(new java.net.InetSocketAddress(localHost, localPort), new java.net.InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(null, new java.net.InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return connected(new java.net.InetSocketAddress(localAddress, localPort), new java.net.InetSocketAddress(address, port));
  }

  private Socket connected(java.net.SocketAddress local, java.net.SocketAddress remote) throws IOException {
    Socket s = createSocket();
    if (local != null) {
      s.bind(local);
    }
    s.connect(remote);
    return s;
  }
}
