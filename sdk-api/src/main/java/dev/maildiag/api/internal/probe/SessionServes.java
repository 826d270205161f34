package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * After authentication the server really serves the session: IMAP {@code NOOP}, POP3
 * {@code STAT}, SMTP {@code NOOP}. Catches servers that accept the login and then refuse everything
 * ("authenticated but not connected").
 */
public final class SessionServes implements Check {
  public static final String ID = "protocol.session";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.PROTOCOL, "Server serves the authenticated session")
        .finds(RootCause.CLIENT_ACCESS_RULE, RootCause.PROTOCOL_DISABLED)
        .requires(Xoauth2Authentication.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context);
  }

  @Override
  public Finding run(CheckContext ctx) throws MessagingException {
    Secret token = MailLogin.token(ctx);
    if (token == null) {
      return Finding.skipped("No access token").build();
    }
    MailServer s = ctx.context().server();
    MailLogin login = MailLogin.take(ctx);
    if (login == null) {
      login = MailLogin.prepare(ctx, token, MailLogin.pop3TwoLine(ctx));
      try {
        login.connect();
      } catch (MessagingException e) {
        login.close();
        return MailFailure.describe(ctx, login, e, Stage.OAUTH, "authentication").build();
      }
    }
    boolean handedOn = false;
    try {
      Finding f = switch (s.protocol()) {
        case IMAP -> imap((Store) login.service);
        case POP3 -> pop3(login);
        case SMTP -> smtp((SMTPTransport) login.service);
      };
      if (s.protocol() != dev.maildiag.api.Protocol.SMTP) {
        login.handOn(ctx); // the mailbox check goes on with this login
        handedOn = true;
      }
      return f;
    } catch (MessagingException e) {
      return MailFailure.describe(ctx, login, e, Stage.PROTOCOL, first(s) + " after authentication").build();
    } finally {
      if (!handedOn) {
        login.close();
      }
    }
  }

  private static String first(MailServer s) {
    return switch (s.protocol()) {
      case IMAP -> "NOOP";
      case POP3 -> "STAT";
      case SMTP -> "NOOP";
    };
  }

  private static Finding imap(Store store) throws MessagingException {
    // one harmless command: a server that took the login and refuses the session refuses it too, and unlike
    // LIST its cost does not grow with the mailbox's folders
    ((IMAPFolder) store.getDefaultFolder()).doCommand(p -> {
      p.noop();
      return null;
    });
    return Finding.ok("The IMAP session works after login (NOOP)").build();
  }

  private static Finding pop3(MailLogin login) throws MessagingException {
    Folder inbox = ((Store) login.service).getFolder("INBOX");
    inbox.open(Folder.READ_ONLY); // POP3 sends STAT here
    // left open for the mailbox check: closing a POP3 folder ends the connection (QUIT), and opening it
    // again would log in again
    login.openInbox = inbox;
    int count = inbox.getMessageCount();
    return Finding.ok("The POP3 session works after login (STAT: " + count + " messages)").evidence("messages", count).build();
  }

  private static Finding smtp(SMTPTransport transport) throws MessagingException {
    int code = transport.simpleCommand("NOOP");
    if (code != 250) {
      throw new MessagingException(transport.getLastServerResponse());
    }
    return Finding.ok("The SMTP session works after login (NOOP: " + Printable.of(transport.getLastServerResponse()) + ")").build();
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return Finding.error("The session after login did not answer within " + Durations.format(limit))
        .detail("The server accepted the login but did not serve the first command in time.")
        .alternative(RootCause.THROTTLED, 0.3, "an overloaded or throttling server")
        .build();
  }
}
