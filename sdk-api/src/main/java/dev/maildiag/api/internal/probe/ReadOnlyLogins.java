package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.MailLogins;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * {@link MailLogins} over {@link MailLogin}, the core probe's own login: the diagnosed context's route, trust,
 * timeouts and {@code user=}, XOAUTH2 only, POP3 in the two-line form every POP3 server takes. Logs out at once.
 */
public final class ReadOnlyLogins implements MailLogins {
  private final CheckContext ctx;

  public ReadOnlyLogins(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String user() {
    return MailLogin.user(ctx.context().server());
  }

  @Override
  public Result login(Protocol protocol, String host, int port, Security security) {
    Secret token = MailLogin.token(ctx);
    if (token == null) {
      return new Result(Outcome.FAILED, protocol, host + ":" + port, "no access token to log in with");
    }
    return login(protocol, host, port, security, token);
  }

  @Override
  public Result login(Protocol protocol, String host, int port, Security security, Secret accessToken) {
    String endpoint = host + ":" + port;
    if (user() == null) {
      return new Result(Outcome.FAILED, protocol, endpoint, "no mailbox or login to log in as");
    }
    DiagnosticContext target = ctx.context().toBuilder().protocol(protocol).host(host).port(port).security(security).build();
    MailLogin login;
    try {
      login = MailLogin.prepare(ctx, target, accessToken, true);
    } catch (MessagingException e) {
      return new Result(Outcome.FAILED, protocol, endpoint, Printable.of(String.valueOf(e.getMessage())));
    }
    try (login) {
      login.connect();
      return new Result(Outcome.ACCEPTED, protocol, endpoint, null);
    } catch (MessagingException e) {
      String answer = login.lastFailureAnswer(protocol, e);
      return new Result(outcome(e), protocol, endpoint, answer != null ? answer : Printable.of(MailLogin.withoutSyntheticPrefix(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
  }

  private static Outcome outcome(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return Outcome.REFUSED;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(MailSessions.NO_XOAUTH2)) {
        return Outcome.XOAUTH2_NOT_OFFERED;
      }
    }
    if (e instanceof MailConnectException) {
      return Outcome.UNREACHABLE;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
          || t instanceof ProxyRefusedException) {
        return Outcome.UNREACHABLE;
      }
    }
    return Outcome.FAILED;
  }
}
