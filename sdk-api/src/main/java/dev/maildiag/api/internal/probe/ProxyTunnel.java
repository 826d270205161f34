package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.spi.CheckContext;
import java.io.IOException;
import java.net.Socket;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.util.SocketFetcher;

/**
 * Opens an HTTP CONNECT tunnel with Angus Mail's own socket code, the code a handler runs for
 * {@code mail.<protocol>.proxy.host}: the probe takes exactly the handler's path, and a refusal carries the
 * proxy's status line as Angus reports it.
 */
final class ProxyTunnel {
  private static final String PREFIX = "maildiag.tunnel";
  /** Angus: "connection through proxy host:port to host:port failed: HTTP/1.1 407 Proxy Authentication Required". */
  private static final Pattern REFUSAL = Pattern.compile("connection through proxy .* failed: (\\S+ (\\d{3})\\b.*)");

  private ProxyTunnel() {}

  /** A socket tunnelled through {@code proxy} to host:port, plain (TLS, if any, comes after). */
  static Socket open(CheckContext ctx, ProxyServer proxy, String host, int port) throws IOException {
    Properties p = new Properties();
    p.setProperty(PREFIX + ".proxy.host", proxy.host());
    p.setProperty(PREFIX + ".proxy.port", Integer.toString(proxy.port()));
    if (proxy.user() != null && proxy.password() != null) {
      p.setProperty(PREFIX + ".proxy.user", proxy.user());
      p.setProperty(PREFIX + ".proxy.password", proxy.password().reveal());
    }
    p.setProperty(PREFIX + ".connectiontimeout", Integer.toString(MailWire.millis(ctx.timeouts().connect())));
    p.setProperty(PREFIX + ".timeout", Integer.toString(MailWire.millis(ctx.timeouts().read())));
    try {
      return SocketFetcher.getSocket(host, port, p, PREFIX, false);
    } catch (IOException e) {
      throw refusalIn(e);
    }
  }

  /** The proxy's refusal with its status, when the exception (or its cause) is one; else the exception. */
  static IOException refusalIn(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = t.getMessage() == null ? null : REFUSAL.matcher(t.getMessage());
      if (m != null && m.find()) {
        return new ProxyRefusedException(Integer.parseInt(m.group(2)), Printable.of(m.group(1)));
      }
    }
    return e;
  }
}
