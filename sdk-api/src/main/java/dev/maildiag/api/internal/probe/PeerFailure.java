package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.RootCause;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * A peer that accepted TCP but does not behave like a mail server at some step: silent, too slow, endless
 * lines, or closing. A successful telnet proves nothing: something else may hold the port.
 */
final class PeerFailure {
  private PeerFailure() {}

  /** A finding for a peer that misbehaved while we waited for {@code what}; null for other failures. */
  static Finding.Builder describe(IOException e, String target, String what, Timeouts t) {
    if (e instanceof SocketTimeoutException) {
      return notAMailServer("No " + what + " from " + target + " within " + Durations.format(t.read()),
          "The connection was accepted, then nothing came back. Two things look exactly alike from here: something on the "
              + "port that takes connections and never answers (a hung or overloaded server, a proxy or load balancer holding "
              + "the port), and a firewall that lets the connection attempt through and drops every packet after it. What tells "
              + "them apart: the server's own log shows this connection only in the first case; a packet capture here shows "
              + "our packets retransmitted without acknowledgement in the second; and the same port answers from a machine "
              + "next to the server in the second.")
          .alternative(RootCause.NETWORK_BLOCKED, 0.45, "a firewall that lets the SYN through and drops the rest")
          .evidence("error", Printable.of(e.getMessage()));
    }
    if (e instanceof MailWire.LineTooLongException l) {
      return notAMailServer("The " + what + " from " + target + " is longer than " + MailWire.MAX_LINE + " bytes",
          "A mail server answers in short lines; this peer sent an endless line, so it is not speaking the mail protocol.")
          .evidence("start", l.start());
    }
    if (e instanceof MailWire.ConnectionClosedException || e instanceof MailWire.ProtocolViolationException) {
      return notAMailServer("The peer at " + target + " broke off while sending the " + what + ": " + Printable.of(e.getMessage()),
          "The connection was accepted and then closed, or the answer did not have the protocol's shape.")
          .alternative(RootCause.NETWORK_BLOCKED, 0.4, "a firewall that accepts and then closes connections");
    }
    return null;
  }

  static Finding.Builder notAMailServer(String summary, String detail) {
    return Finding.error(summary)
        .rootCause(RootCause.NOT_A_MAIL_SERVER, 0.8)
        .detail(detail)
        .step("Check that the host and port are the mail server's (e.g. outlook.office365.com:993, imap.gmail.com:993).")
        .step("Ask the network administrator what intercepts traffic to this host and port.");
  }
}
