package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which route the mail and the identity connections take under the JVM's and Jakarta Mail's proxy settings,
 * decided the way the JDK and Angus Mail decide it, so that maildiag tests the path the handler really takes.
 *
 * <ul>
 *   <li>Mail (Angus {@code SocketFetcher}): {@code mail.<protocol>.proxy.host} (HTTP CONNECT) wins over
 *       {@code mail.<protocol>.socks.host}; without either, a plain socket follows the JVM's
 *       {@code socksProxyHost}. The JVM's {@code http(s).proxyHost} never applies to mail.</li>
 *   <li>HTTPS (JDK {@code DefaultProxySelector}): {@code https.proxyHost} unless the host matches
 *       {@code http.nonProxyHosts} (the JDK reads no {@code https.nonProxyHosts}); else {@code socksProxyHost}.</li>
 * </ul>
 */
public final class ProxyDecision {
  /** The JDK's {@code http.nonProxyHosts} when it is not set (see net.properties). */
  static final String JDK_DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";

  private ProxyDecision() {}

  /** The route of a mail connection with this protocol and security to {@code host}. */
  public static Route forMail(NetworkSettings n, Protocol protocol, Security security, String host) {
    String name = protocol.jakartaName(security == null ? Security.SSL : security);
    ProxyServer http = n.mailProxies().get(name);
    if (http != null) {
      return new Route(Route.Kind.HTTP, http, "mail." + name + ".proxy.host");
    }
    ProxyServer socks = n.mailSocksProxies().get(name);
    if (socks != null) {
      return new Route(Route.Kind.SOCKS, socks, "mail." + name + ".socks.host");
    }
    if (n.socksProxy() != null) {
      return new Route(Route.Kind.SOCKS, n.socksProxy(), "socksProxyHost");
    }
    return Route.direct(n.httpsProxy() != null || n.httpProxy() != null
        ? "https.proxyHost/http.proxyHost do not apply to mail; no mail." + name + ".proxy.host or socksProxyHost"
        : "no proxy setting applies");
  }

  /** The route of an HTTPS connection to {@code host} (the identity platform). */
  public static Route forHttps(NetworkSettings n, String host) {
    if (n.httpsProxy() != null) {
      String nonProxy = n.nonProxyHosts() == null ? JDK_DEFAULT_NON_PROXY_HOSTS : n.nonProxyHosts();
      String match = matchingPattern(nonProxy, host);
      if (match != null) {
        return Route.direct("http.nonProxyHosts entry '" + match + "' exempts " + host);
      }
      return new Route(Route.Kind.HTTP, n.httpsProxy(), "https.proxyHost");
    }
    if (n.socksProxy() != null) {
      return new Route(Route.Kind.SOCKS, n.socksProxy(), "socksProxyHost");
    }
    return Route.direct(n.httpProxy() != null ? "http.proxyHost applies to http:// only; no https.proxyHost" : "no proxy setting applies");
  }

  /**
   * The first {@code |}-separated pattern of a {@code nonProxyHosts} list that matches {@code host}, or null.
   * Like the JDK, {@code *} matches any characters and matching ignores case.
   */
  public static String matchingPattern(String nonProxyHosts, String host) {
    if (nonProxyHosts == null || host == null) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String raw : nonProxyHosts.split("\\|")) {
      String p = raw.trim().toLowerCase(Locale.ROOT);
      if (p.isEmpty()) {
        continue;
      }
      String regex = Pattern.quote(p).replace("*", "\\E.*\\Q");
      if (Pattern.matches(regex, h) || (p.startsWith("[") && p.endsWith("]") && p.substring(1, p.length() - 1).equals(h))) {
        return raw.trim();
      }
    }
    return null;
  }
}
