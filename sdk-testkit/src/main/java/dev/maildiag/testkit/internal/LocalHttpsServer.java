package dev.maildiag.testkit.internal;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.maildiag.testkit.tls.ServerCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTPS server on loopback answering every request with one status and body: enough to stand in
 * for an identity host whose reachability is probed. (Token endpoints with real answers: use WireMock.)
 * Not API: may change.
 */
public final class LocalHttpsServer implements AutoCloseable {
  private final HttpsServer server;
  private final AtomicInteger hits = new AtomicInteger();

  private LocalHttpsServer(HttpsServer server) {
    this.server = server;
  }

  /** Starts a server with this certificate that answers {@code status} with {@code bodyBytes} bytes of body. */
  public static LocalHttpsServer start(ServerCertificate certificate, int status, int bodyBytes) {
    try {
      HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      s.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
      LocalHttpsServer local = new LocalHttpsServer(s);
      byte[] body = "x".repeat(bodyBytes).getBytes(StandardCharsets.US_ASCII);
      s.createContext("/", exchange -> {
        local.hits.incrementAndGet();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      s.start();
      return local;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** A URL on this server, with host {@code localhost} (what the test certificate names). */
  public String url(String path) {
    return "https://localhost:" + port() + path;
  }

  public int hits() {
    return hits.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
