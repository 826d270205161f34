package dev.maildiag.testkit.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A server's TLS identity for test servers.
 *
 * @param sslContext holds the server's key and chain
 * @param certificate the server certificate
 */
public record ServerCertificate(SSLContext sslContext, X509Certificate certificate) {
  /**
   * Starts server-side TLS on an accepted socket (implicit TLS, or after STARTTLS).
   *
   * @param accepted a socket a server accepted
   * @return the TLS socket, handshaking as the server
   * @throws IOException when the socket cannot be wrapped
   */
  public SSLSocket wrap(Socket accepted) throws IOException {
    SSLSocket s = (SSLSocket) sslContext.getSocketFactory()
        .createSocket(accepted, accepted.getInetAddress().getHostAddress(), accepted.getPort(), true);
    s.setUseClientMode(false);
    return s;
  }
}
