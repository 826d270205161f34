package dev.maildiag.testkit.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clustered product on loopback: a few nodes and a load balancer in front of them, each its own HTTP
 * server on 127.0.0.1. Every node answers with an {@code X-ANODEID} header and gives a new session a
 * Tomcat-style {@code JSESSIONID=<id>.<node>} cookie. The balancer is either sticky (it routes a session
 * to the node in its cookie's route suffix) or round-robin (it ignores the cookie), so a test can show
 * both sides of session stickiness in one line:
 *
 * <pre>{@code
 * try (LoopbackCluster cluster = LoopbackCluster.roundRobin(2)) {
 *   probe(cluster.baseUrl(), cluster.nodeUrls());
 * }
 * }</pre>
 */
public final class LoopbackCluster implements AutoCloseable {
  private final List<HttpServer> nodes = new ArrayList<>();
  private final HttpServer balancer;
  private final boolean sticky;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  private LoopbackCluster(int nodeCount, boolean sticky) throws IOException {
    this.sticky = sticky;
    for (int i = 1; i <= nodeCount; i++) {
      String name = "node" + i;
      HttpServer node = server();
      node.createContext("/", exchange -> answerAs(name, exchange));
      node.start();
      nodes.add(node);
    }
    balancer = server();
    balancer.createContext("/", this::balance);
    balancer.start();
  }

  /**
   * A cluster whose balancer keeps each session on the node that started it.
   *
   * @param nodes how many nodes, at least 1
   * @return the running cluster
   */
  public static LoopbackCluster sticky(int nodes) {
    return start(nodes, true);
  }

  /**
   * A cluster whose balancer sends each request to the next node, whatever the session.
   *
   * @param nodes how many nodes, at least 1
   * @return the running cluster
   */
  public static LoopbackCluster roundRobin(int nodes) {
    return start(nodes, false);
  }

  private static LoopbackCluster start(int nodes, boolean sticky) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs a node");
    }
    try {
      return new LoopbackCluster(nodes, sticky);
    } catch (IOException e) {
      throw new IllegalStateException("could not open a loopback port", e);
    }
  }

  /**
   * The load-balanced URL users reach.
   *
   * @return the balancer's URL, ending in {@code /}
   */
  public String baseUrl() {
    return url(balancer) + "/";
  }

  /**
   * Each node's own URL, in node order ({@code node1}, {@code node2}, ...).
   *
   * @return the nodes' URLs
   */
  public List<String> nodeUrls() {
    return nodes.stream().map(n -> url(n) + "/").toList();
  }

  /**
   * How many requests the balancer has routed.
   *
   * @return the number of requests so far
   */
  public int requests() {
    return requests.get();
  }

  private void balance(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String node = sticky ? routeOf(exchange.getRequestHeaders().getFirst("Cookie")) : null;
    if (node == null || !node.matches("node[1-9][0-9]*") || Integer.parseInt(node.substring(4)) > nodes.size()) {
      node = "node" + (Math.floorMod(next.getAndIncrement(), nodes.size()) + 1);
    }
    answerAs(node, exchange);
  }

  private static void answerAs(String node, HttpExchange exchange) throws IOException {
    String session = routeOf(exchange.getRequestHeaders().getFirst("Cookie"));
    exchange.getResponseHeaders().add("X-ANODEID", node);
    if (!node.equals(session)) {
      // like Tomcat: a session from another node is unknown here, so a new one is started on this node
      exchange.getResponseHeaders().add("Set-Cookie", "JSESSIONID=" + UUID.randomUUID().toString().replace("-", "") + "." + node
          + "; Path=/; HttpOnly");
    }
    byte[] body = ("<html><body>answered by " + node + "</body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** The route suffix of the request's JSESSIONID cookie, or null. */
  private static String routeOf(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    for (String pair : cookieHeader.split(";")) {
      String p = pair.strip();
      if (p.startsWith("JSESSIONID=") && p.lastIndexOf('.') > 0) {
        return p.substring(p.lastIndexOf('.') + 1);
      }
    }
    return null;
  }

  private static HttpServer server() throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    balancer.stop(0);
    nodes.forEach(n -> n.stop(0));
  }
}
