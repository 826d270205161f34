package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext.ProxyServer;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Objects;

/**
 * The way one connection leaves the JVM: directly, through an HTTP CONNECT proxy, or through a SOCKS proxy,
 * and which setting decided it.
 *
 * @param kind direct, HTTP CONNECT tunnel or SOCKS
 * @param proxy the proxy, null when direct
 * @param reason the setting that decided it, in the user's words (e.g. "mail.imaps.proxy.host")
 */
public record Route(Kind kind, ProxyServer proxy, String reason) {
  /** How a connection is made. */
  public enum Kind {
    DIRECT,
    HTTP,
    SOCKS
  }

  public Route {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    if ((kind == Kind.DIRECT) != (proxy == null)) {
      throw new IllegalArgumentException("a direct route has no proxy, a proxied route has one");
    }
  }

  static Route direct(String reason) {
    return new Route(Kind.DIRECT, null, reason);
  }

  public boolean isDirect() {
    return kind == Kind.DIRECT;
  }

  /** The route as a {@link java.net.Proxy}; the target host is left to the proxy to resolve. */
  public Proxy toProxy() {
    if (kind == Kind.DIRECT) {
      return Proxy.NO_PROXY;
    }
    return new Proxy(kind == Kind.HTTP ? Proxy.Type.HTTP : Proxy.Type.SOCKS, new InetSocketAddress(proxy.host(), proxy.port()));
  }

  /** One line, e.g. "through HTTP proxy proxy.corp:3128 (https.proxyHost)" or "direct (no proxy setting applies)". */
  public String describe() {
    return switch (kind) {
      case DIRECT -> "direct (" + reason + ")";
      case HTTP -> "through HTTP proxy " + proxy.host() + ":" + proxy.port() + " (" + reason + ")";
      case SOCKS -> "through SOCKS proxy " + proxy.host() + ":" + proxy.port() + " (" + reason + ")";
    };
  }
}
