package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Turns a failed connection into a finding that says what the failure means and whom to ask. */
final class NetworkFailure {
  private NetworkFailure() {}

  /** What went wrong on the way to {@code target} (host:port), or null when it is not a network failure. */
  static Finding.Builder describe(Throwable e, String target, String via) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String lower = msg.toLowerCase(Locale.ROOT);
    String path = via == null ? "" : " " + via;
    if (e instanceof UnknownHostException) {
      return Finding.error("Host name does not resolve: " + msg)
          .rootCause(RootCause.DNS_FAILURE)
          .detail("The resolver has no address for this name.")
          .step("Check the host name for typos.")
          .step("Ask the network administrator to check DNS for " + msg + " from this machine.")
          .evidence("target", target).evidence("resolver", msg);
    }
    if (e instanceof ProxyRefusedException p) {
      return ProxyFindings.refused(p, target);
    }
    if (e instanceof SocketTimeoutException) {
      return Finding.error("Connection to " + target + path + " timed out")
          .rootCause(RootCause.NETWORK_BLOCKED, 0.85)
          .detail("Nothing answered: packets are most likely dropped silently by a firewall on the way (a closed port "
              + "on a reachable host is refused at once, not timed out).")
          .step("Ask the firewall administrator to allow outbound TCP from this host to " + target + ".")
          .evidence("target", target).evidence("error", msg);
    }
    if (e instanceof NoRouteToHostException || lower.contains("unreachable")) {
      return Finding.error("No route to " + target + path)
          .rootCause(RootCause.NETWORK_BLOCKED, 0.9)
          .detail("The network has no route to the host, or a router or firewall answers that it is unreachable.")
          .step("Ask the network administrator for a route (or an allowed egress) from this host to " + target + ".")
          .evidence("target", target).evidence("error", msg);
    }
    if (e instanceof ConnectException) {
      return Finding.error("Connection to " + target + path + " was refused")
          .rootCause(RootCause.NETWORK_BLOCKED, 0.8)
          .detail("The host answered that nothing accepts connections on this port: a wrong port, a server that is down, "
              + "or a firewall that rejects the connection.")
          .step("Check the host and port.")
          .step("Ask the firewall administrator whether outbound TCP to " + target + " is rejected.")
          .evidence("target", target).evidence("error", msg);
    }
    if (e instanceof SocketException && lower.contains("reset")) {
      return Finding.error("Connection to " + target + path + " was reset")
          .rootCause(RootCause.NETWORK_BLOCKED, 0.7)
          .detail("Something on the way closed the connection abruptly (TCP reset): often a firewall or proxy that "
              + "inspects and cuts the traffic.")
          .step("Ask the firewall administrator whether traffic to " + target + " is inspected or reset.")
          .evidence("target", target).evidence("error", msg);
    }
    if (e instanceof IOException && e.getCause() != null && e.getCause() != e) {
      return describe(e.getCause(), target, via);
    }
    return null;
  }
}
