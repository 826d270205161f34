package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The login user and the mailbox are plain e-mail addresses, as XOAUTH2 providers expect. */
public final class AddressesWellFormed implements Check {
  public static final String ID = "config.addresses";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Login and mailbox are e-mail addresses").finds(RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.server().login() != null || context.server().mailbox() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    MailServer s = ctx.context().server();
    String loginProblem = problem(s.login());
    String mailboxProblem = problem(s.mailbox());
    if (loginProblem == null && mailboxProblem == null) {
      return Finding.ok(s.mailbox() == null ? "Login is an e-mail address" : "Login and mailbox are e-mail addresses").build();
    }
    String which = loginProblem != null ? "login" : "mailbox";
    String value = loginProblem != null ? s.login() : s.mailbox();
    return Finding.error("The " + which + " '" + value + "' is not a plain e-mail address: " + (loginProblem != null ? loginProblem : mailboxProblem))
        .rootCause(RootCause.INVALID_CONFIGURATION, 0.9)
        .detail("XOAUTH2 sends the login as user=...; Microsoft 365 and Gmail expect the mailbox's e-mail address there.")
        .step("Use the full address, e.g. helpdesk@contoso.com, without display name, spaces or angle brackets.")
        .evidence(which, value)
        .build();
  }

  static String problem(String address) {
    if (address == null) {
      return null;
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      if (!parsed.getAddress().equals(address)) {
        return "it holds more than the address";
      }
      if (!address.contains("@")) {
        return "it has no domain";
      }
      return null;
    } catch (AddressException e) {
      return e.getMessage();
    }
  }
}
