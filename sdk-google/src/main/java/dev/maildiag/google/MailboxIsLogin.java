package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;

/**
 * The mailbox is the login user's own. Gmail has no delegated or shared mailbox access over IMAP, POP or
 * SMTP (unlike Exchange's Full Access): the token's account is the only mailbox it opens.
 */
public final class MailboxIsLogin implements Check {
  public static final String ID = "google.mailbox";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Mailbox is the login user's own")
        .finds(RootCause.MAILBOX_PERMISSION, RootCause.WRONG_USER_AUTHORIZED);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.server().login() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    MailServer s = ctx.context().server();
    if (s.mailbox() == null || s.mailbox().equalsIgnoreCase(s.login())) {
      return Finding.ok("The mailbox is the login user's own").build();
    }
    return Finding.error("The mailbox " + s.mailbox() + " is not the login user " + s.login() + "'s own, and Gmail has no delegated mailbox access")
        .rootCause(RootCause.MAILBOX_PERMISSION, 0.9)
        .alternative(RootCause.WRONG_USER_AUTHORIZED, 0.4, "the mailbox's own account may be the one that should have authorized")
        .detail("Over IMAP, POP and SMTP a Google token opens only its own account's mailbox; Gmail delegation works only in the web interface.")
        .remediation(GoogleRemediations.of(RootCause.MAILBOX_PERMISSION))
        .evidence("login", s.login())
        .evidence("mailbox", s.mailbox())
        .build();
  }
}
