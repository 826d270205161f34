package dev.maildiag.api.internal.signin;

import java.net.URI;

/**
 * The browser flow's redirect URI: the configured one when it is a loopback {@code http} address (the app
 * registration names it; its port, or any free one when it has none), else {@code http://127.0.0.1:<port>/}.
 * Microsoft and Google accept any port for a registered loopback redirect URI, but not another path.
 *
 * @param host {@code 127.0.0.1}, or {@code localhost} / {@code [::1]} when the registration says so (the listener binds 127.0.0.1)
 * @param port the port to listen on, 0 for any free one
 * @param path the path the browser is sent to
 */
record Loopback(String host, int port, String path) {
  static Loopback of(String configuredRedirect, int port) {
    if (configuredRedirect != null) {
      try {
        URI u = URI.create(configuredRedirect.trim());
        if ("http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null
            && (u.getHost().equals("127.0.0.1") || u.getHost().equalsIgnoreCase("localhost"))) {
          return new Loopback(u.getHost(), port > 0 ? port : Math.max(u.getPort(), 0), u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath());
        }
      } catch (IllegalArgumentException notAUri) {
        // not a loopback address: use maildiag's own
      }
    }
    return new Loopback("127.0.0.1", port, "/");
  }

  /** The redirect URI for the port actually listened on. */
  URI uri(int actualPort) {
    return URI.create("http://" + host + ":" + actualPort + path);
  }
}
