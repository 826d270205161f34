package dev.maildiag.api.internal.explain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which cluster node answered an HTTP response, from what load balancers and Data Center products put on
 * it: a node-id header (Jira's {@code X-ANODEID}, {@code X-Node-Id}, ...) or a routing cookie (a Tomcat
 * {@code JSESSIONID} with a {@code .node1} route suffix, Apache's {@code ROUTEID}, HAProxy's
 * {@code SERVERID}, F5's {@code BIGipServer*}). Cookie values are never returned: a route suffix is the
 * node's name, and any other routing cookie is shown as a short fingerprint.
 */
public final class NodeIdentity {
  /** Response headers that name the node, most specific first. */
  static final List<String> NODE_HEADERS = List.of("x-anodeid", "x-node-id", "x-nodeid", "x-node", "x-jira-node",
      "x-confluence-node", "x-served-by", "x-backend-server", "x-backend", "x-upstream-server", "x-server-name", "x-upstream");
  /** Cookies whose value routes to a node. */
  static final List<String> ROUTE_COOKIES = List.of("routeid", "route", "serverid", "jsessionid", "atl_node", "bigipserver");
  /** Cookies that show the balancer is meant to be sticky but whose value changes on every response. */
  static final List<String> OPAQUE_STICKY_COOKIES = List.of("awsalb", "awsalbcors", "awselb", "incap_ses", "ingresscookie");

  private NodeIdentity() {}

  /** The node named by response headers, or null. {@code headers} maps lower-case names to values. */
  public static String fromHeaders(Map<String, String> headers) {
    for (String h : NODE_HEADERS) {
      String v = headers.get(h);
      if (v != null && !v.isBlank()) {
        String value = v.strip();
        return value.length() <= 64 ? value : fingerprint(h, value);
      }
    }
    return null;
  }

  /** The node a routing cookie points to, or null when the cookie does not route. */
  public static String fromCookie(String name, String value) {
    if (name == null || value == null || value.isBlank()) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    String route = routeSuffix(value);
    if ((n.equals("jsessionid") || n.equals("routeid") || n.equals("route")) && route != null) {
      return route;
    }
    if (n.equals("serverid") || n.equals("atl_node") || n.startsWith("bigipserver")) {
      return fingerprint(name, value);
    }
    return null;
  }

  /** Whether a cookie is a balancer's stickiness cookie (routing or opaque). */
  public static boolean isStickyCookie(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("bigipserver") || ROUTE_COOKIES.contains(n) && !n.equals("jsessionid") || OPAQUE_STICKY_COOKIES.contains(n);
  }

  /** The {@code node1} of {@code 0123ABCD.node1}: Tomcat's jvmRoute and mod_proxy_balancer's route. */
  static String routeSuffix(String value) {
    int dot = value.lastIndexOf('.');
    if (dot < 0 || dot == value.length() - 1) {
      return null;
    }
    String suffix = value.substring(dot + 1);
    return suffix.length() <= 32 && suffix.matches("[A-Za-z0-9_-]+") ? suffix : null;
  }

  private static String fingerprint(String name, String value) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return name + "#" + HexFormat.of().formatHex(d, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every JVM", e);
    }
  }
}
