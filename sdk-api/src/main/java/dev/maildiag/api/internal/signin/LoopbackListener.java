package dev.maildiag.api.internal.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The browser flow's redirect target: an HTTP listener on 127.0.0.1 only (never a wildcard address, so
 * nothing off this machine can answer), that accepts exactly one answer carrying the expected {@code state}
 * on the expected path and then closes, or closes when its time is up. Answers with another state are
 * refused and do not end the wait: they are not this sign-in's (an old tab, or a forged request).
 */
public final class LoopbackListener implements AutoCloseable {
  /** Longest query accepted; an authorization answer is a few hundred characters. */
  static final int MAX_QUERY = 16 * 1024;

  /**
   * The JDK's HTTP server logs each request line at FINE, and the answer's request line carries the
   * authorization code: its logger is kept at INFO while maildiag listens, so the code never reaches a log.
   * Held here so that the level is not lost when the logger would otherwise be collected.
   */
  private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("com.sun.net.httpserver");

  private final HttpServer server;
  private final ExecutorService executor;
  private final String path;
  private final String expectedState;
  private final CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
  private final AtomicInteger refused = new AtomicInteger();

  private LoopbackListener(HttpServer server, ExecutorService executor, String path, String expectedState) {
    this.server = server;
    this.executor = executor;
    this.path = path;
    this.expectedState = expectedState;
  }

  /**
   * Starts listening on 127.0.0.1.
   *
   * @param port the port, or 0 for a free one
   * @param path the redirect URI's path, e.g. {@code /}
   * @param expectedState the {@code state} this sign-in sent
   */
  public static LoopbackListener start(int port, String path, String expectedState) throws IOException {
    if (SERVER_LOG.isLoggable(java.util.logging.Level.FINE)) {
      SERVER_LOG.setLevel(java.util.logging.Level.INFO);
    }
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    HttpServer server = HttpServer.create(address, 4);
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "maildiag-sign-in-listener");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    LoopbackListener listener = new LoopbackListener(server, executor, path == null || path.isEmpty() ? "/" : path, expectedState);
    server.createContext("/", listener::handle);
    server.start();
    return listener;
  }

  /** The port listened on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address listened on (always 127.0.0.1). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** How many requests were refused (wrong path, method, or state). */
  public int refusedRequests() {
    return refused.get();
  }

  /** The answer's parameters once the browser delivered it with the expected state. */
  public CompletableFuture<Map<String, String>> answer() {
    return answer;
  }

  /**
   * Waits for the one answer, then closes; empty when the time ran out (and the listener is closed too).
   */
  public Optional<Map<String, String>> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    } finally {
      close();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String rawQuery = uri.getRawQuery();
      if (!"GET".equals(exchange.getRequestMethod())) {
        refuse(exchange, 405, "This address only takes the sign-in's answer.");
        return;
      }
      if (!path.equals(uri.getPath())) {
        refuse(exchange, 404, "Nothing here.");
        return;
      }
      if (rawQuery != null && rawQuery.length() > MAX_QUERY) {
        refuse(exchange, 414, "The answer is too long.");
        return;
      }
      Map<String, String> params = Query.parse(rawQuery);
      if (answer.isDone() || expectedState == null || !expectedState.equals(params.get("state"))) {
        refuse(exchange, 400, "This answer is not for the sign-in maildiag is waiting for (its state does not match).");
        return;
      }
      respond(exchange, 200, params.containsKey("error")
          ? "The sign-in returned an error. maildiag explains it in its report; you can close this tab."
          : "Signed in. You can close this tab and return to maildiag.");
      answer.complete(params);
    }
    if (answer.isDone()) {
      // after the one answer, nothing more is accepted: stop from another thread, since stop waits for this handler
      Thread stopper = new Thread(this::close, "maildiag-sign-in-listener-stop");
      stopper.setDaemon(true);
      stopper.start();
    }
  }

  private void refuse(HttpExchange exchange, int status, String text) throws IOException {
    refused.incrementAndGet();
    respond(exchange, status, text);
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>maildiag</title></head><body><p>"
        + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops listening; idempotent. */
  @Override
  public void close() {
    answer.completeExceptionally(new IllegalStateException("the sign-in listener was closed"));
    server.stop(0);
    executor.shutdownNow();
  }
}
