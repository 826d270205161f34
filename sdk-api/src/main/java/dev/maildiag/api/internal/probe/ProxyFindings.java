package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;

/** Findings about a proxy that refuses a tunnel. */
final class ProxyFindings {
  private ProxyFindings() {}

  static Finding.Builder refused(ProxyRefusedException p, String target) {
    Finding.Builder b;
    if (p.status() == 407) {
      b = Finding.error("The proxy demands authentication (407) for " + target)
          .detail("The proxy only tunnels for authenticated clients, and the JVM sent no (or wrong) proxy credentials.");
    } else if (p.status() == 403) {
      b = Finding.error("The proxy refuses to tunnel to " + target + " (403)")
          .detail("The proxy's policy does not allow this host or port.");
    } else {
      b = Finding.error("The proxy did not open a tunnel to " + target + ": " + p.statusLine());
    }
    return b.rootCause(RootCause.PROXY_BLOCKING, 0.9).evidence("target", target).evidence("proxyAnswer", p.statusLine());
  }
}
