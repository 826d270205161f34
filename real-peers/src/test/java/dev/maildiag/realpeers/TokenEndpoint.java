package dev.maildiag.realpeers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small OAuth token endpoint on loopback (the JDK's HTTP server), issuing tokens Dovecot accepts for
 * {@link RealDovecot#USER}, or failing the way identity providers do.
 */
final class TokenEndpoint implements AutoCloseable {
  enum Behaviour {
    /** issues an access token */
    ISSUES,
    /** 400 invalid_grant: the refresh token is no longer good */
    REFUSES,
    /** 500 with an HTML error page */
    ERRS_HTML,
    /** takes the request and never answers */
    SILENT
  }

  private final HttpServer server;
  private final ExecutorService threads;
  private final CountDownLatch released = new CountDownLatch(1);
  private final boolean https;

  private TokenEndpoint(HttpServer server, ExecutorService threads, boolean https) {
    this.server = server;
    this.threads = threads;
    this.https = https;
  }

  static TokenEndpoint start(Behaviour behaviour, boolean https) {
    try {
      InetSocketAddress at = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
      HttpServer server;
      if (https) {
        HttpsServer s = HttpsServer.create(at, 0);
        s.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.localhost().sslContext()));
        server = s;
      } else {
        server = HttpServer.create(at, 0);
      }
      ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "real-peers-token-endpoint");
        t.setDaemon(true);
        return t;
      });
      TokenEndpoint endpoint = new TokenEndpoint(server, threads, https);
      server.createContext("/oauth2/token", exchange -> endpoint.answer(exchange, behaviour));
      server.setExecutor(threads);
      server.start();
      return endpoint;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return (https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token";
  }

  private void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
    exchange.getRequestBody().readAllBytes();
    switch (behaviour) {
      case ISSUES -> send(exchange, 200, "application/json", "{\"access_token\":\"" + Jwts.valid(RealDovecot.USER)
          + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"mail\"}");
      case REFUSES -> send(exchange, 400, "application/json",
          "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token has expired or was revoked.\"}");
      case ERRS_HTML -> send(exchange, 500, "text/html; charset=utf-8",
          "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1>"
              + "<p>The server encountered an internal error and was unable to complete your request.</p></body></html>");
      case SILENT -> {
        try {
          released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
