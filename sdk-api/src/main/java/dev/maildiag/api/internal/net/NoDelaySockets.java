package dev.maildiag.api.internal.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factories Angus Mail gets: every socket reads through a byte budget ({@link BoundedStreams},
 * on the protocol text, also under TLS), and has Nagle's algorithm off. Mail protocols send short lines and
 * wait for short answers; with Nagle on both sides, delayed acknowledgements add about 40 ms to many round
 * trips, which would make the probes' timings say more about TCP than about the server.
 */
final class NoDelaySockets {
  private NoDelaySockets() {}

  static SocketFactory plain(SocketFactory delegate) {
    return new SocketFactory() {
      @Override
      public Socket createSocket() throws IOException {
        return bounded(delegate.createSocket());
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return bounded(delegate.createSocket(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return bounded(delegate.createSocket(host, port, localHost, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return bounded(delegate.createSocket(host, port));
      }

      @Override
      public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return bounded(delegate.createSocket(address, port, localAddress, localPort));
      }
    };
  }

  static SSLSocketFactory tls(SSLSocketFactory delegate) {
    return new SSLSocketFactory() {
      @Override
      public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
      }

      @Override
      public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
      }

      @Override
      public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        noDelay(s);
        if (s.getInputStream() instanceof BoundedStreams.Budgeted below) {
          below.carriesTls(); // STARTTLS over a bounded plain socket: from now on it carries ciphertext
        }
        return tlsBounded(delegate.createSocket(s, host, port, autoClose));
      }

      @Override
      public Socket createSocket() throws IOException {
        return tlsBounded(delegate.createSocket());
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return tlsBounded(delegate.createSocket(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tlsBounded(delegate.createSocket(host, port, localHost, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return tlsBounded(delegate.createSocket(host, port));
      }

      @Override
      public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return tlsBounded(delegate.createSocket(address, port, localAddress, localPort));
      }
    };
  }

  private static Socket bounded(Socket s) {
    return new BoundedSocket(noDelay(s));
  }

  private static Socket tlsBounded(Socket s) {
    return BoundedSslSocket.of(noDelay(s));
  }

  private static Socket noDelay(Socket s) {
    try {
      s.setTcpNoDelay(true);
    } catch (SocketException e) {
      // an option the platform refuses only costs latency; an unconnected socket gets it when it connects
    }
    return s;
  }
}
