package dev.maildiag.testkit.microsoft;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.microsoft.MailEndpoint;
import dev.maildiag.microsoft.MailEndpoints;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The simulated Exchange Online: IMAP, POP3 and SMTP on loopback, one GreenMail each. Each server's token
 * validator asks {@link ExchangeOnline} whether Exchange would accept the token presented over that
 * protocol, so only tokens the simulation issued, for the right audience, permission, user, licence and
 * an enabled protocol get in.
 */
public final class SimulatedExchange implements AutoCloseable {
  private final Map<Protocol, GreenMail> servers;
  private final Protocol protocol;

  private SimulatedExchange(Map<Protocol, GreenMail> servers, Protocol protocol) {
    this.servers = servers;
    this.protocol = protocol;
  }

  static SimulatedExchange start(Microsoft365Setup s) {
    Map<Protocol, GreenMail> servers = new EnumMap<>(Protocol.class);
    try {
      for (Protocol p : Protocol.values()) {
        servers.put(p, server(s, p));
      }
    } catch (RuntimeException e) {
      servers.values().forEach(GreenMail::stop);
      throw e;
    }
    return new SimulatedExchange(servers, s.protocol);
  }

  private static GreenMail server(Microsoft365Setup s, Protocol p) {
    ServerSetup setup = switch (p) {
      case IMAP -> ServerSetupTest.IMAP.dynamicPort();
      case POP3 -> ServerSetupTest.POP3.dynamicPort();
      case SMTP -> ServerSetupTest.SMTP.dynamicPort();
    };
    GreenMail gm = new GreenMail(setup);
    gm.start();
    Set<String> logins = new LinkedHashSet<>();
    logins.add(s.login);
    logins.add(s.effectiveMailbox());
    for (String login : logins) {
      GreenMailUser user = gm.setUser(login, login, "not-a-password-" + System.nanoTime());
      ((UserImpl) user).setTokenValidator(token -> ExchangeOnline.login(s, p, token) == ExchangeOnline.Outcome.ACCEPTED);
    }
    return gm;
  }

  /** Points a context at the configured protocol's server, and tells where the other protocols are. */
  public void configure(DiagnosticContext.Builder b) {
    b.host("127.0.0.1").port(port(protocol)).security(Security.NONE);
    Map<Protocol, MailEndpoint> all = new EnumMap<>(Protocol.class);
    for (Protocol p : servers.keySet()) {
      all.put(p, new MailEndpoint("127.0.0.1", port(p), Security.NONE));
    }
    b.attribute(MailEndpoints.ATTRIBUTE, new MailEndpoints(all));
  }

  /** The port a protocol is served on. */
  public int port(Protocol p) {
    GreenMail gm = servers.get(p);
    return switch (p) {
      case IMAP -> gm.getImap().getServerSetup().getPort();
      case POP3 -> gm.getPop3().getServerSetup().getPort();
      case SMTP -> gm.getSmtp().getServerSetup().getPort();
    };
  }

  @Override
  public void close() {
    servers.values().forEach(GreenMail::stop);
  }
}
