package dev.maildiag.api.internal.probe;

import java.io.IOException;

/** An HTTP proxy answered a CONNECT with something other than 200. */
final class ProxyRefusedException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String statusLine;

  ProxyRefusedException(int status, String statusLine) {
    super("the proxy answered the CONNECT with: " + statusLine);
    this.status = status;
    this.statusLine = statusLine;
  }

  int status() {
    return status;
  }

  String statusLine() {
    return statusLine;
  }
}
