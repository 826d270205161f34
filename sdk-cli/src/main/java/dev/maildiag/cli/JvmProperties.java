package dev.maildiag.cli;

import dev.maildiag.api.internal.net.WireText;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code -D} properties of a command line, refused with one clear line when they cannot mean anything:
 * an empty name ({@code -D=}), a port that is no port ({@code -Dmail.imaps.proxy.port=99999},
 * {@code -DsocksProxyPort=-5}), a proxy host that is no host name, or a control character anywhere.
 */
final class JvmProperties {
  private JvmProperties() {}

  static Map<String, String> checked(Map<String, String> properties) {
    Map<String, String> out = new LinkedHashMap<>();
    properties.forEach((key, value) -> {
      String name = key == null ? "" : key.strip();
      String v = value == null ? "" : value.strip();
      if (name.isEmpty()) {
        throw new UsageProblem("-D needs a property name: -Dname=value");
      }
      if (WireText.controlCharacter(name) != null || WireText.controlCharacter(v) != null) {
        throw new UsageProblem("-D" + shown(name) + " holds a control character");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith("port")) {
        port(name, v);
      } else if (lower.endsWith("proxyhost") || lower.endsWith("proxy.host") || lower.endsWith("socks.host")) {
        host(name, v);
      }
      out.put(name, v);
    });
    return out;
  }

  private static void port(String name, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new UsageProblem("-D" + shown(name) + " must be a port between 1 and 65535, not '" + shown(value) + "'");
  }

  private static void host(String name, String value) {
    String host = value;
    int colon = value.lastIndexOf(':');
    if (colon > 0 && value.indexOf(':') == colon) { // Jakarta Mail accepts host:port in proxy.host
      port(name, value.substring(colon + 1));
      host = value.substring(0, colon);
    }
    String problem = value.isEmpty() ? "it is empty" : WireText.hostProblem(host);
    if (problem != null) {
      throw new UsageProblem("-D" + shown(name) + " is not a host name: " + problem);
    }
  }

  /** A value in a message: short, and redacted in case a secret was pasted in the wrong place. */
  private static String shown(String text) {
    String redacted = dev.maildiag.api.internal.Redactor.shapes().redact(text);
    return redacted.length() > 60 ? redacted.substring(0, 60) + "..." : redacted;
  }
}
