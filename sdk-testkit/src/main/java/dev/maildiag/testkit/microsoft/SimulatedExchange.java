package dev.maildiag.testkit.microsoft;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The simulated Exchange Online mail server for a setup's protocol, on loopback. GreenMail is the
 * complete server; its token validator asks {@link ExchangeOnline} whether Exchange would accept the
 * token presented, so only tokens the simulation issued, for the right audience, permission, user,
 * licence and protocol get in.
 */
public final class SimulatedExchange implements AutoCloseable {
  private final GreenMail greenMail;
  private final Protocol protocol;

  private SimulatedExchange(GreenMail greenMail, Protocol protocol) {
    this.greenMail = greenMail;
    this.protocol = protocol;
  }

  static SimulatedExchange start(Microsoft365Setup s) {
    ServerSetup server = switch (s.protocol) {
      case IMAP -> ServerSetupTest.IMAP.dynamicPort();
      case POP3 -> ServerSetupTest.POP3.dynamicPort();
      case SMTP -> ServerSetupTest.SMTP.dynamicPort();
    };
    GreenMail gm = new GreenMail(server);
    gm.start();
    Set<String> logins = new LinkedHashSet<>();
    logins.add(s.login);
    logins.add(s.effectiveMailbox());
    for (String login : logins) {
      GreenMailUser user = gm.setUser(login, login, "not-a-password-" + System.nanoTime());
      ((UserImpl) user).setTokenValidator(token -> ExchangeOnline.login(s, token) == ExchangeOnline.Outcome.ACCEPTED);
    }
    return new SimulatedExchange(gm, s.protocol);
  }

  /** Points a context at this server. */
  public void configure(DiagnosticContext.Builder b) {
    ServerSetup setup = serverSetup();
    b.host(setup.getBindAddress()).port(setup.getPort()).security(Security.NONE);
  }

  private ServerSetup serverSetup() {
    return switch (protocol) {
      case IMAP -> greenMail.getImap().getServerSetup();
      case POP3 -> greenMail.getPop3().getServerSetup();
      case SMTP -> greenMail.getSmtp().getServerSetup();
    };
  }

  public int port() {
    return serverSetup().getPort();
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
