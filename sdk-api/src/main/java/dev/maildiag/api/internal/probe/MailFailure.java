package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.net.BoundedStreams;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

/** Turns an Angus Mail failure into a finding: the server's exact answer, interpreted by the providers' interpreters. */
final class MailFailure {
  private MailFailure() {}

  /**
   * A finding for a failed step.
   *
   * @param step what was attempted, e.g. "authentication" or "LIST"
   */
  static Finding.Builder describe(CheckContext ctx, MailLogin login, MessagingException e, Stage stage, String step) {
    MailServer s = ctx.context().server();
    String target = Probes.target(s);
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains(MailSessions.NO_XOAUTH2) || causeMessageContains(e, MailSessions.NO_XOAUTH2)) {
      return Finding.error("The server does not advertise XOAUTH2; the token was not sent")
          .rootCause(RootCause.XOAUTH2_NOT_OFFERED, 0.9)
          .detail("Jakarta Mail would have sent the token as a LOGIN password; maildiag refuses to.")
          .evidence("capabilities", ctx.facts().get(ProbeFacts.CAPABILITIES).map(c -> String.join(" ", c.capabilities())).orElse(null));
    }
    String refused = BoundedStreams.takeRefusal();
    String budget = refused != null ? Printable.of(refused) : budgetExceeded(e);
    if (budget != null) {
      return PeerFailure.notAMailServer("The server at " + target + " sent more than maildiag reads during the " + step + ": "
              + budget,
          "Mail servers answer in short lines and small literals. This one sent an endless or huge answer, so maildiag stopped "
              + "reading to keep memory bounded; it is not behaving like a mail server, or something on the way corrupts the stream.")
          .evidence("limit", budget)
          .evidence("trace", login == null ? null : login.traceTail());
    }
    String answer = login == null ? null : login.lastFailureAnswer(s.protocol(), e);
    if (answer == null && message.contains(MailLogin.ANGUS_SYNTHETIC)) {
      String what = Printable.of(MailLogin.withoutSyntheticPrefix(message));
      return Finding.error("The connection was dropped or reset during the " + step + ": " + what)
          .detail("The server, or something on the way, cut the connection in the middle of the " + step + ". Firewalls "
              + "that inspect mail traffic and overloaded servers do this.")
          .candidates(List.of(new Candidate(RootCause.NETWORK_BLOCKED, 0.5, "a middlebox that cuts the connection"),
              new Candidate(RootCause.THROTTLED, 0.3, "a server shedding connections")))
          .evidence("error", what)
          .evidence("trace", login == null ? null : login.traceTail());
    }
    IOException io = ioCause(e);
    if (answer == null && !ctx.facts().has(ProbeFacts.CAPABILITIES) && unreachable(e, io)) {
      // the network checks did not run in this diagnosis (stages left out): naming a network cause from here
      // would outrank what the chosen stages found
      return Finding.skipped("The mail server " + target + " cannot be reached from here (" + Printable.of(io == null ? message
          : io instanceof java.net.UnknownHostException ? "no address for " + io.getMessage() : String.valueOf(io.getMessage()))
          + "); the network stages, which diagnose that, were not run");
    }
    if (answer == null && io != null) {
      Finding.Builder b;
      if (io instanceof SocketTimeoutException) {
        b = Finding.error("The server did not answer the " + step + " within " + dev.maildiag.api.internal.Durations.format(ctx.timeouts().read()))
            .detail("The connection was open but the server went silent during the " + step + ".");
        if (ctx.facts().get(dev.maildiag.api.spi.Facts.TOKEN_ACCEPTED).orElse(false)) {
          // logged in: the server works out this answer (STAT, LIST, a folder's size) over the mailbox itself
          b.detail("The login worked, then the server took longer than the read timeout to answer the " + step + ". Servers "
                  + "compute such answers over the whole mailbox (POP3 STAT sums every message), so a very large mailbox makes "
                  + "them slow; an overloaded server looks the same.")
              .candidates(List.of(new Candidate(RootCause.INBOX_FLOODED, 0.5, "a very large mailbox the server has to go through"),
                  new Candidate(RootCause.THROTTLED, 0.35, "an overloaded or throttling server"),
                  new Candidate(RootCause.NETWORK_BLOCKED, 0.25, "a middlebox that stalls connections")));
        } else if (ctx.facts().has(ProbeFacts.CAPABILITIES) && step.equals("authentication")) {
          // it answered the greeting and capabilities at once: the silence is the server's own, at the login
          b.detail(SLOW_LOGIN).candidates(List.of(new Candidate(RootCause.THROTTLED, 0.6, SLOW_LOGIN_REASON),
              new Candidate(RootCause.NETWORK_BLOCKED, 0.3, "a middlebox that stalls connections")));
        } else {
          b.candidates(List.of(new Candidate(RootCause.NETWORK_BLOCKED, 0.4, "a middlebox that stalls connections"),
              new Candidate(RootCause.THROTTLED, 0.3, "an overloaded or throttling server")));
        }
      } else {
        b = NetworkFailure.describe(io, target, "during the " + step);
        if (b == null) {
          b = Finding.error("The connection failed during the " + step + ": " + Printable.of(io.getMessage()));
        } else {
          b = b.detail("It happened during the " + step + ". " + "Something on the way, or the server itself, cut the connection.");
        }
      }
      return b.evidence("error", Printable.of(io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()))
          .evidence("trace", login == null ? null : login.traceTail());
    }
    String shown = answer != null ? answer : Printable.of(message);
    List<Candidate> candidates = ctx.interpret(ctx.observe(shown, stage));
    if (stage == Stage.OAUTH && "authentication".equals(step)) {
      candidates = RefusedTokenEvidence.weigh(ctx, candidates);
    }
    Finding.Builder b = Finding.error("The " + s.protocol().label().toUpperCase(java.util.Locale.ROOT) + " server refused the " + step + ": " + shown)
        .detail(candidates.isEmpty()
            ? "No interpreter recognised this answer; it is the server's exact reply. Search it in the provider's documentation."
            : "The server's exact reply is kept as evidence; the ranked causes come from the provider's interpreters.")
        .candidates(candidates)
        .evidence("serverAnswer", shown);
    if (login != null) {
      b.evidence("trace", login.traceTail());
    }
    return b;
  }

  /** The finding when a login step ran out of the check's time: the server took the connection and went silent. */
  static Finding unanswered(String step, String exchange, java.time.Duration limit) {
    // the login runs after the greeting and capabilities were answered: the server talks, and holds back this answer
    return Finding.error(step + " did not finish within " + dev.maildiag.api.internal.Durations.format(limit))
        .detail("The server accepted the connection but did not answer " + exchange + " in time. " + SLOW_LOGIN)
        .rootCause(RootCause.THROTTLED, 0.55)
        .alternative(RootCause.NETWORK_BLOCKED, 0.3, "a middlebox that stalls connections")
        .build();
  }

  /** Why a server that greets at once is slow to answer a login. */
  static final String SLOW_LOGIN = "The server greeted at once and then held back its answer to the login: a server-side delay. "
      + "Servers delay logins from an address after failed ones (Dovecot waits 2 s before every refusal and up to 15 s per "
      + "login after repeated failures), so the handler's own failing retries from this machine often cause it; an "
      + "overloaded authentication back end looks the same. Stop the handler's retries for a few minutes and try again.";
  static final String SLOW_LOGIN_REASON = "a server-side delay of logins from this address (e.g. after the handler's failing retries)";

  private static boolean unreachable(MessagingException e, IOException io) {
    return e instanceof org.eclipse.angus.mail.util.MailConnectException || io instanceof java.net.UnknownHostException
        || io instanceof java.net.ConnectException || io instanceof java.net.NoRouteToHostException;
  }

  /** What the byte budget refused, when it ended this failure (Angus may carry it only as text); else null. */
  static String budgetExceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      int at = m == null ? -1 : m.indexOf(BoundedStreams.STOPPED + ": ");
      if (at >= 0) {
        return Printable.of(m.substring(at + BoundedStreams.STOPPED.length() + 2));
      }
    }
    return null;
  }

  private static boolean causeMessageContains(Throwable e, String text) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
