package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries the configured password once, the way a handler still on basic authentication logs in (IMAP
 * AUTHENTICATE PLAIN or LOGIN, POP3 AUTH PLAIN or USER/PASS, SMTP AUTH PLAIN or LOGIN), and logs out at once:
 * nothing is opened, read or changed. Microsoft 365 and Gmail refuse passwords; the refusal, in the server's
 * words, is the proof that the handler must move to OAuth 2.0.
 */
public final class BasicAuthRefused implements Check {
  public static final String ID = "oauth.basic-auth";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Server refuses or accepts the configured password (basic authentication)")
        .finds(RootCause.BASIC_AUTH_REJECTED)
        .requires(GreetingAndCapabilities.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.tokens().password() != null && Probes.hasMailServer(context);
  }

  @Override
  public Finding run(CheckContext ctx) throws MessagingException {
    MailServer s = ctx.context().server();
    if (s.login() == null) {
      return Finding.skipped("No login to try the password with").build();
    }
    Secret password = ctx.context().tokens().password();
    try (MailLogin login = MailLogin.preparePassword(ctx, password)) {
      try {
        login.connect();
      } catch (MessagingException e) {
        return refused(ctx, login, e);
      }
      // a handler on basic auth works today; passwords are being retired and are the weaker credential
      return Finding.warning("The " + s.protocol().label() + " server still accepts the password of " + s.login())
          .detail("Basic authentication works here today, but Microsoft 365 and Google are retiring it and a stored "
              + "mailbox password is the weaker credential. The same handler fails the day the provider turns it off.")
          .step("Switch the handler to OAuth 2.0 (XOAUTH2) while the password still works, then remove the password.")
          .evidence("mechanism", "password")
          .build();
    }
  }

  private static Finding refused(CheckContext ctx, MailLogin login, MessagingException e) {
    Finding.Builder f = MailFailure.describe(ctx, login, e, Stage.OAUTH, "password login");
    if (!(e instanceof AuthenticationFailedException)) {
      return f.build(); // the network or the server broke the exchange: that finding says so
    }
    String answer = login.lastFailureAnswer(ctx.context().server().protocol(), e);
    List<Candidate> candidates = ctx.interpret(ctx.observe(answer != null ? answer : Printable.of(e.getMessage()), Stage.OAUTH));
    return f.candidates(passwordFirst(candidates)).build();
  }

  /**
   * The handler is configured for a password, so a refused password login is first of all basic
   * authentication being refused, whatever else the same words could mean for a token. How sure depends on
   * whether a provider's interpreter reads the answer that way; if none does, the password may just be wrong.
   */
  static List<Candidate> passwordFirst(List<Candidate> candidates) {
    List<Candidate> out = new ArrayList<>(candidates);
    Candidate basic = out.stream().filter(c -> c.rootCause().equals(RootCause.BASIC_AUTH_REJECTED)).findFirst()
        .orElse(new Candidate(RootCause.BASIC_AUTH_REJECTED, 0.5, "The password was refused: the server refuses passwords, or this one is wrong"));
    out.remove(basic);
    double top = out.isEmpty() ? 0 : out.get(0).confidence();
    out.add(0, new Candidate(basic.rootCause(), Math.max(basic.confidence(), Math.min(1.0, top + 0.05)), basic.reason()));
    return out;
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return MailFailure.unanswered("The password login", "the login", limit);
  }
}
