package dev.maildiag.api;

/**
 * A proxy the JVM or Jakarta Mail is told to use.
 *
 * @param host proxy host
 * @param port proxy port
 * @param user user name for proxy authentication, or null
 * @param password password for proxy authentication, or null
 * @param source the system property that configured it, e.g. {@code https.proxyHost}
 */
public record ProxyServer(String host, int port, String user, Secret password, String source) {
  @Override
  public String toString() {
    return host + ":" + port + " (" + source + ")";
  }
}
