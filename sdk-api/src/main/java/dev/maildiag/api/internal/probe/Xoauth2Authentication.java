package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;

/**
 * Authenticates with SASL XOAUTH2 through Angus Mail using the access token (one refreshed during this
 * diagnosis, else the configured one). For POP3 it tries the one-line form and then the two-line form that
 * Exchange Online wants, and reports which one the server accepts. The server's exact answer is the evidence.
 */
public final class Xoauth2Authentication implements Check {
  public static final String ID = "oauth.xoauth2";
  /** The id of the check that obtains a fresh access token (provided by another module), if present. */
  static final String TOKEN_CHECK = "oauth.token";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Server accepts the OAuth token (XOAUTH2)")
        .finds(RootCause.XOAUTH2_NOT_OFFERED, RootCause.POP_OAUTH_FORMAT, RootCause.THROTTLED)
        .requires(GreetingAndCapabilities.ID)
        // after oauth.claims too: the server's refusal is read with the token's claims (user, scopes, audience)
        .after(TOKEN_CHECK, "oauth.claims");
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context);
  }

  @Override
  public Finding run(CheckContext ctx) throws MessagingException {
    Secret token = MailLogin.token(ctx);
    if (token == null) {
      return Finding.skipped("No access token to authenticate with (give an access token, or a refresh token and OAuth client to obtain one)").build();
    }
    MailServer s = ctx.context().server();
    if (MailLogin.user(s) == null) {
      return Finding.skipped("No login (the XOAUTH2 user) to authenticate as").build();
    }
    long started = System.nanoTime();
    Attempt first = attempt(ctx, token, false);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (first.failure == null) {
      Duration slow = ctx.timeouts().read().dividedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? ctx.timeouts().read().dividedBy(2)
          : Duration.ofSeconds(3);
      if (took.compareTo(slow) > 0) {
        return Finding.warning("The " + s.protocol().label() + " server accepted the token, but only after "
                + dev.maildiag.api.internal.Durations.format(took))
            .rootCause(RootCause.THROTTLED, 0.5)
            .detail(MailFailure.SLOW_LOGIN)
            .evidence("loginMillis", took.toMillis())
            .build();
      }
      return ok(s, first, s.protocol() == Protocol.POP3 ? "one-line" : null);
    }
    if (s.protocol() != Protocol.POP3 || !(first.error instanceof AuthenticationFailedException) || first.errorChallenge()) {
      // an error challenge means the server read the one-line form and judged the token: the two-line form would
      // only be refused again, and each refusal makes servers like Dovecot delay the next login from here
      return first.failure.build();
    }
    Attempt second = attempt(ctx, token, true);
    if (second.failure == null) {
      ctx.facts().put(ProbeFacts.POP3_TWO_LINE, true);
      return Finding.warning("The POP3 server accepts only the two-line XOAUTH2 form")
          .rootCause(RootCause.POP_OAUTH_FORMAT, 0.85)
          .detail("The server refused AUTH XOAUTH2 with the token on the same line and accepted it on a second line. "
              + "A handler that sends the one-line form fails with the refusal shown as evidence.")
          .step("Enable the two-line format in the handler (Jira: 'Use two line authentication format'; Jakarta Mail: "
              + "mail.pop3.auth.xoauth2.two.line.authentication.format=true).")
          .step("If the product has no such option, upgrade it to a version that supports POP3 with OAuth 2.0.")
          .evidence("format", "two-line")
          .evidence("oneLineAnswer", first.answer)
          .build();
    }
    return second.failure.evidence("oneLineAnswer", first.answer).evidence("twoLineAnswer", second.answer).build();
  }

  private static Finding ok(MailServer s, Attempt a, String format) {
    return Finding.ok("The " + s.protocol().label() + " server accepted the token for " + MailLogin.user(s)
            + (format == null ? "" : " (" + format + " XOAUTH2)"))
        .evidence("format", format)
        .build();
  }

  private static Attempt attempt(CheckContext ctx, Secret token, boolean twoLine) throws MessagingException {
    // the first attempt logs in over the connection the greeting check left; a retry (POP3's two-line form,
    // after the server refused and Angus closed the connection) needs a new one
    MailWire wire = ctx.take(MailWire.HANDED_ON).orElse(null);
    if (wire != null && !wire.readyForLogin()) {
      wire.close();
      wire = null;
    }
    MailLogin login = wire != null ? MailLogin.over(ctx, wire, token, twoLine) : MailLogin.prepare(ctx, token, twoLine);
    boolean handedOn = false;
    try {
      login.connect();
      ctx.facts().put(Facts.TOKEN_ACCEPTED, true);
      login.handOn(ctx); // the session and mailbox checks go on with this login
      handedOn = true;
      return new Attempt(null, null, null);
    } catch (MessagingException e) {
      if (e instanceof AuthenticationFailedException) {
        ctx.facts().put(Facts.TOKEN_ACCEPTED, false);
      }
      Finding.Builder f = MailFailure.describe(ctx, login, e, Stage.OAUTH, "authentication");
      if (MailLogin.isErrorChallenge(e)) {
        f.evidence("errorChallenge", Printable.of(e.getMessage().substring(e.getMessage().indexOf(':') + 1).trim()));
      }
      String answer = login.lastFailureAnswer(ctx.context().server().protocol(), e);
      return new Attempt(f, e, answer == null ? Printable.of(e.getMessage()) : answer);
    } finally {
      if (!handedOn) {
        login.close();
      }
    }
  }

  private record Attempt(Finding.Builder failure, MessagingException error, String answer) {
    boolean errorChallenge() {
      return MailLogin.isErrorChallenge(error);
    }
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return MailFailure.unanswered("Authentication", "the XOAUTH2 exchange", limit);
  }
}
