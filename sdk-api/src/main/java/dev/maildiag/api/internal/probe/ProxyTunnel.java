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

  /** A proxy that never answered a CONNECT in this diagnosis, so that the next check does not wait for it again. */
  private static final dev.maildiag.api.spi.Key<Silent> SILENT = dev.maildiag.api.spi.Key.of("silentProxyTunnel", Silent.class);

  private record Silent(String tunnel, ProxyRefusedException refusal) {}

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
    RecordingSockets recording = new RecordingSockets(MailWire.millis(ctx.timeouts().read()));
    String tunnel = proxy.host() + ":" + proxy.port() + " to " + host + ":" + port;
    ProxyRefusedException known = ctx.facts().get(SILENT).filter(f -> f.tunnel().equals(tunnel)).map(Silent::refusal).orElse(null);
    if (known != null) {
      throw known; // waited for once already in this diagnosis
    }
    p.put(PREFIX + ".socketFactory", recording);
    p.setProperty(PREFIX + ".socketFactory.fallback", "false"); // Angus would otherwise wait a second time without it
    try {
      return SocketFetcher.getSocket(host, port, p, PREFIX, false);
    } catch (IOException e) {
      // Angus wraps what went wrong ("Using web proxy host, port: ..."); a read timeout inside is the proxy's silence
      java.net.SocketTimeoutException timeout = timeoutIn(e);
      if (timeout != null && recording.seen().isEmpty() && connectedToProxy(timeout)) {
        ProxyRefusedException silent = new ProxyRefusedException(0, "no answer to CONNECT " + host + ":" + port + " within "
            + dev.maildiag.api.internal.Durations.format(ctx.timeouts().read()), null);
        ctx.facts().put(SILENT, new Silent(tunnel, silent));
        throw silent;
      }
      IOException refusal = refusalIn(e);
      if (refusal instanceof ProxyRefusedException r) {
        throw new ProxyRefusedException(r.status(), r.statusLine(), ProxyAnswer.of(recording.seen()));
      }
      throw refusal;
    }
  }

  private static java.net.SocketTimeoutException timeoutIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException timeout) {
        return timeout;
      }
    }
    return null;
  }

  /** A read timed out (the proxy took the connection and said nothing), not the connect to the proxy itself. */
  private static boolean connectedToProxy(java.net.SocketTimeoutException e) {
    return e.getMessage() == null || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect timed out");
  }

  /** The proxy's refusal with its status, when the exception (or its cause) is one; else the exception. */
  static IOException refusalIn(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = t.getMessage() == null ? null : REFUSAL.matcher(t.getMessage());
      if (m != null && m.find()) {
        return new ProxyRefusedException(Integer.parseInt(m.group(2)), Printable.of(m.group(1)), null);
      }
    }
    return e;
  }
}
