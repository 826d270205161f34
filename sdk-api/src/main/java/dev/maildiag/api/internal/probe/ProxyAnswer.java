package dev.maildiag.api.internal.probe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a proxy's refusal of a CONNECT says about what it saw behind it: Squid names its error in
 * {@code X-Squid-Error} (e.g. {@code ERR_CONNECT_FAIL 111}, {@code ERR_DNS_FAIL 0}); other proxies only give
 * the status (502, 503, 504 when they cannot reach the target).
 *
 * @param error the proxy's own error name, or null
 * @param errno the system error number the proxy met (111 refused, 110 timed out, 113 no route), or 0
 */
record ProxyAnswer(String error, int errno) {
  private static final Pattern SQUID_ERROR = Pattern.compile("(?im)^X-Squid-Error:\\s*(ERR_[A-Z_]+)(?:\\s+(\\d+))?");

  static ProxyAnswer of(String headers) {
    Matcher m = SQUID_ERROR.matcher(headers == null ? "" : headers);
    if (!m.find()) {
      return new ProxyAnswer(null, 0);
    }
    return new ProxyAnswer(m.group(1).toUpperCase(Locale.ROOT), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }

  /** The proxy reached no server behind it: refused, timed out or unreachable as seen from the proxy. */
  boolean couldNotConnect(int status) {
    if (error != null) {
      return error.equals("ERR_CONNECT_FAIL") || error.equals("ERR_READ_TIMEOUT") || error.equals("ERR_GATEWAY_FAILURE");
    }
    return status == 502 || status == 503 || status == 504;
  }

  /** The proxy could not resolve the host name. */
  boolean couldNotResolve() {
    return error != null && error.equals("ERR_DNS_FAIL");
  }

  /** The proxy could not forward, without saying why (Squid's answer for a name it cannot resolve on CONNECT). */
  boolean couldNotForward(int status) {
    return error != null ? error.equals("ERR_CANNOT_FORWARD") : status == 500;
  }

  /** What the errno means, in words. */
  String errnoText() {
    return switch (errno) {
      case 111 -> "connection refused";
      case 110 -> "connection timed out";
      case 113 -> "no route to host";
      case 101 -> "network unreachable";
      default -> errno == 0 ? null : "errno " + errno;
    };
  }

  String describe() {
    return error == null ? "" : error + (errnoText() == null ? "" : " (" + errnoText() + ")");
  }
}
