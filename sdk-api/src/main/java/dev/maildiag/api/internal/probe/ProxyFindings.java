package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;

/**
 * Findings about a proxy that does not open a tunnel. A proxy that refuses by policy (403) or wants credentials
 * (407) blocks; a proxy that answers that it could not reach or resolve the target works, and says what it saw
 * from where it stands: the cause is then behind the proxy.
 */
final class ProxyFindings {
  private ProxyFindings() {}

  static Finding.Builder refused(ProxyRefusedException p, String target) {
    ProxyAnswer a = p.answer();
    String host = target.contains(":") ? target.substring(0, target.lastIndexOf(':')) : target;
    Finding.Builder b;
    if (p.status() == 0) {
      b = Finding.error("The proxy took the connection but did not answer the CONNECT to " + target + ": " + p.statusLine())
          .rootCause(RootCause.PROXY_BLOCKING, 0.8)
          .alternative(RootCause.NETWORK_BLOCKED, 0.4, "the proxy may still be waiting to resolve or reach " + target)
          .alternative(RootCause.DNS_FAILURE, 0.3, "a proxy whose own DNS does not answer stays silent until its DNS timeout")
          .detail("A proxy answers a CONNECT once it has resolved and reached the target; one that says nothing is stuck "
              + "there (its DNS or its way out does not answer) or drops such requests.")
          .step("Ask the proxy administrator whether the proxy can resolve and reach " + target + " (its cache or access log shows it).");
    } else if (p.status() == 407) {
      b = Finding.error("The proxy demands authentication (407) for " + target)
          .rootCause(RootCause.PROXY_BLOCKING, 0.9)
          .detail("The proxy only tunnels for authenticated clients, and the JVM sent no (or wrong) proxy credentials.");
    } else if (p.status() == 403 || "ERR_ACCESS_DENIED".equals(a.error())) {
      b = Finding.error("The proxy refuses to tunnel to " + target + " (" + p.status() + ")")
          .rootCause(RootCause.PROXY_BLOCKING, 0.9)
          .detail("The proxy's policy does not allow this host or port.");
    } else if (a.couldNotResolve() || (a.couldNotForward(p.status()) && !isAddress(host))) {
      b = Finding.error("The proxy cannot resolve " + host + ": " + p.statusLine() + withDetail(a))
          .rootCause(RootCause.DNS_FAILURE, a.couldNotResolve() ? 0.85 : 0.6)
          .alternative(RootCause.NETWORK_BLOCKED, 0.4, "the proxy could not forward the request (its way out may be blocked)")
          .detail("The proxy works and answered, but as seen from the proxy the mail host's name does not resolve (the proxy "
              + "uses its own DNS, which may differ from this machine's).")
          .step("Ask the proxy administrator to check that the proxy resolves " + host + ".");
    } else if (a.couldNotConnect(p.status()) || a.couldNotForward(p.status())) {
      b = Finding.error("The proxy cannot reach " + target + ": " + p.statusLine() + withDetail(a))
          .rootCause(RootCause.NETWORK_BLOCKED, 0.85)
          .alternative(RootCause.PROXY_BLOCKING, 0.3, "a proxy that will not connect to this port")
          .detail("The proxy works and answered, but as seen from the proxy the mail server's port "
              + (a.errnoText() == null ? "cannot be reached" : "answers: " + a.errnoText())
              + ". The block (or the wrong host or port) is behind the proxy, not in it.")
          .step("Check host and port, and ask the network administrator whether the proxy may reach " + target + ".");
    } else {
      b = Finding.error("The proxy did not open a tunnel to " + target + ": " + p.statusLine())
          .rootCause(RootCause.PROXY_BLOCKING, 0.9);
    }
    return b.evidence("target", target).evidence("proxyAnswer", p.statusLine())
        .evidence("proxyError", a.error() == null ? null : a.describe());
  }

  private static String withDetail(ProxyAnswer a) {
    return a.error() == null ? "" : " (" + a.describe() + ")";
  }

  private static boolean isAddress(String host) {
    return host.matches("[0-9.]+") || host.contains(":") || host.startsWith("[");
  }
}
