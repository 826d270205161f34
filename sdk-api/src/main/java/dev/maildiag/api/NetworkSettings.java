package dev.maildiag.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The proxy settings that decide how mail and identity traffic leaves the JVM, read by default from the
 * JVM's own system properties.
 *
 * @param httpProxy {@code http.proxyHost}/{@code http.proxyPort}, or null
 * @param httpsProxy {@code https.proxyHost}/{@code https.proxyPort}, or null
 * @param nonProxyHosts {@code http.nonProxyHosts} (the JDK applies it to HTTPS too), or null
 * @param httpsNonProxyHosts {@code https.nonProxyHosts}, which the JDK ignores, or null
 * @param socksProxy {@code socksProxyHost}/{@code socksProxyPort}, or null
 * @param mailProxies Jakarta Mail's {@code mail.<protocol>.proxy.*}, by protocol name ({@code imaps}, ...)
 * @param mailSocksProxies Jakarta Mail's {@code mail.<protocol>.socks.*}, by protocol name
 */
public record NetworkSettings(
    ProxyServer httpProxy,
    ProxyServer httpsProxy,
    String nonProxyHosts,
    String httpsNonProxyHosts,
    ProxyServer socksProxy,
    Map<String, ProxyServer> mailProxies,
    Map<String, ProxyServer> mailSocksProxies) {

  private static final String[] MAIL_PROTOCOLS = {"imap", "imaps", "pop3", "pop3s", "smtp", "smtps"};

  public NetworkSettings {
    mailProxies = Map.copyOf(mailProxies);
    mailSocksProxies = Map.copyOf(mailSocksProxies);
  }

  /** No proxy at all: what a test or an embedding caller that manages its own network wants. */
  public static NetworkSettings direct() {
    return new NetworkSettings(null, null, null, null, null, Map.of(), Map.of());
  }

  /** Reads the current JVM system properties. */
  public static NetworkSettings fromSystemProperties() {
    return from(System.getProperties());
  }

  /** Reads proxy settings from the given properties, named as the JVM and Jakarta Mail name them. */
  public static NetworkSettings from(Properties p) {
    Map<String, ProxyServer> mail = new LinkedHashMap<>();
    Map<String, ProxyServer> socks = new LinkedHashMap<>();
    for (String protocol : MAIL_PROTOCOLS) {
      String prefix = "mail." + protocol + ".";
      ProxyServer proxy = proxy(p, prefix + "proxy.host", prefix + "proxy.port", 80, prefix + "proxy.user", prefix + "proxy.password");
      if (proxy != null) {
        mail.put(protocol, proxy);
      }
      ProxyServer sock = proxy(p, prefix + "socks.host", prefix + "socks.port", 1080, null, null);
      if (sock != null) {
        socks.put(protocol, sock);
      }
    }
    return new NetworkSettings(
        proxy(p, "http.proxyHost", "http.proxyPort", 80, "http.proxyUser", "http.proxyPassword"),
        proxy(p, "https.proxyHost", "https.proxyPort", 443, "https.proxyUser", "https.proxyPassword"),
        blankToNull(p.getProperty("http.nonProxyHosts")),
        blankToNull(p.getProperty("https.nonProxyHosts")),
        proxy(p, "socksProxyHost", "socksProxyPort", 1080, "java.net.socks.username", "java.net.socks.password"),
        mail,
        socks);
  }

  /** True when no proxy of any kind is configured. */
  public boolean isDirect() {
    return httpProxy == null && httpsProxy == null && socksProxy == null && mailProxies.isEmpty() && mailSocksProxies.isEmpty();
  }

  private static ProxyServer proxy(Properties p, String hostKey, String portKey, int defaultPort, String userKey, String passwordKey) {
    String host = blankToNull(p.getProperty(hostKey));
    if (host == null) {
      return null;
    }
    int port = defaultPort;
    // Jakarta Mail also accepts host:port in proxy.host
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.indexOf(':') == colon) {
      port = parsePort(host.substring(colon + 1), defaultPort);
      host = host.substring(0, colon);
    }
    String portText = blankToNull(p.getProperty(portKey));
    if (portText != null) {
      port = parsePort(portText, port);
    }
    String user = userKey == null ? null : blankToNull(p.getProperty(userKey));
    Secret password = passwordKey == null ? null : Secret.of(p.getProperty(passwordKey));
    return new ProxyServer(host, port, user, password, hostKey);
  }

  private static int parsePort(String text, int fallback) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
