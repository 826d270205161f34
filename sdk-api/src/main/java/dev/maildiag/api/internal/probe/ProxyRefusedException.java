package dev.maildiag.api.internal.probe;

import java.io.IOException;

/** An HTTP proxy answered a CONNECT with something other than 200. */
final class ProxyRefusedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String statusLine;
  private final transient ProxyAnswer answer;

  /**
   * @param status the HTTP status, or 0 when the proxy took the connection and never answered the CONNECT
   * @param answer what the proxy's headers say (e.g. Squid's error name), or null
   */
  ProxyRefusedException(int status, String statusLine, ProxyAnswer answer) {
    super(status == 0 ? "the proxy did not answer: " + statusLine : "the proxy answered the CONNECT with: " + statusLine);
    this.status = status;
    this.statusLine = statusLine;
    this.answer = answer == null ? ProxyAnswer.of("") : answer;
  }

  ProxyAnswer answer() {
    return answer;
  }

  int status() {
    return status;
  }

  String statusLine() {
    return statusLine;
  }
}
