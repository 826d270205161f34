package dev.maildiag.api.probe;

import dev.maildiag.api.ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opens an HTTP CONNECT tunnel on a socket connected to a proxy, as Angus Mail does for
 * {@code mail.<protocol>.proxy.host}, so that the raw probes take the same path as the handler.
 */
final class HttpTunnel {
  private HttpTunnel() {}

  /** Asks the proxy for a tunnel to host:port; returns the proxy's status line on success. */
  static String open(Socket toProxy, String host, int port, ProxyServer proxy) throws IOException {
    StringBuilder request = new StringBuilder()
        .append("CONNECT ").append(host).append(':').append(port).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(':').append(port).append("\r\n");
    if (proxy.user() != null && proxy.password() != null) {
      String basic = Base64.getEncoder().encodeToString(
          (proxy.user() + ":" + proxy.password().reveal()).getBytes(StandardCharsets.UTF_8));
      request.append("Proxy-Authorization: Basic ").append(basic).append("\r\n");
    }
    request.append("\r\n");
    OutputStream out = toProxy.getOutputStream();
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    InputStream in = toProxy.getInputStream();
    String statusLine = null;
    String line;
    while ((line = readHeaderLine(in)) != null && !line.isEmpty()) {
      if (statusLine == null) {
        statusLine = line;
      }
    }
    if (statusLine == null) {
      throw new IOException("the proxy closed the connection without answering the CONNECT");
    }
    String[] parts = statusLine.split(" ", 3);
    int status = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
    if (status != 200) {
      throw new ProxyRefusedException(status, Printable.of(statusLine));
    }
    return statusLine;
  }

  /** Reads one header line byte by byte (so nothing after the header is consumed), capped at 8 KB. */
  private static String readHeaderLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        return sb.toString().strip();
      }
      if (sb.length() >= MailWire.MAX_LINE) {
        throw new IOException("the proxy sent a header line longer than " + MailWire.MAX_LINE + " bytes");
      }
      sb.append((char) b);
    }
    return sb.length() == 0 ? null : sb.toString().strip();
  }
}
