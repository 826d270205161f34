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
import dev.maildiag.api.net.TlsTrust;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
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
  private final Map<Protocol, TlsFront> fronts;
  private final Protocol protocol;
  private final MockMailServer scripted;

  private SimulatedExchange(Map<Protocol, GreenMail> servers, Map<Protocol, TlsFront> fronts, Protocol protocol, MockMailServer scripted) {
    this.servers = servers;
    this.fronts = fronts;
    this.protocol = protocol;
    this.scripted = scripted;
  }

  /**
   * Starts the servers. Where Exchange answers {@code issuedToken} with something GreenMail cannot say
   * (a refusal in Exchange's words, a session refused after login, localized or huge folders), the
   * configured protocol is served by a {@link MockMailServer} scripted with Exchange's exact answers.
   */
  static SimulatedExchange start(Microsoft365Setup s, String issuedToken) {
    Map<Protocol, GreenMail> servers = new EnumMap<>(Protocol.class);
    Map<Protocol, TlsFront> fronts = new EnumMap<>(Protocol.class);
    MockMailServer scripted = null;
    try {
      for (Protocol p : Protocol.values()) {
        servers.put(p, server(s, p));
        fronts.put(p, TlsFront.start(greenMailPort(servers.get(p), p), TestCertificates.localhost()));
      }
      ExchangeOnline.Outcome outcome = ExchangeOnline.login(s, issuedToken);
      boolean plainFolders = s.folders.containsKey("INBOX") && s.folders.values().stream().allMatch(n -> n <= 1000);
      if (outcome != ExchangeOnline.Outcome.ACCEPTED || !plainFolders) {
        scripted = ExchangeAnswersScript.start(s, outcome);
      }
    } catch (RuntimeException e) {
      fronts.values().forEach(TlsFront::close);
      servers.values().forEach(GreenMail::stop);
      throw e;
    }
    return new SimulatedExchange(servers, fronts, s.protocol, scripted);
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
    if (scripted != null) {
      DiagnosticContext mock = scripted.context().build();
      b.host(mock.server().host()).port(mock.server().port()).security(mock.server().security())
          .attribute(TlsTrust.ATTRIBUTE, TestCertificates.trust());
    } else {
      b.host("127.0.0.1").port(port(protocol)).security(Security.SSL).attribute(TlsTrust.ATTRIBUTE, TestCertificates.trust());
    }
    Map<Protocol, MailEndpoint> all = new EnumMap<>(Protocol.class);
    for (Protocol p : servers.keySet()) {
      all.put(p, new MailEndpoint("127.0.0.1", port(p), Security.SSL));
    }
    b.attribute(MailEndpoints.ATTRIBUTE, new MailEndpoints(all));
  }

  /** The scripted server answering in Exchange's words, or null when GreenMail serves the configured protocol. */
  public MockMailServer scripted() {
    return scripted;
  }

  /** The port a protocol is served on (implicit TLS in front of GreenMail). */
  public int port(Protocol p) {
    return fronts.get(p).port();
  }

  private static int greenMailPort(GreenMail gm, Protocol p) {
    return switch (p) {
      case IMAP -> gm.getImap().getServerSetup().getPort();
      case POP3 -> gm.getPop3().getServerSetup().getPort();
      case SMTP -> gm.getSmtp().getServerSetup().getPort();
    };
  }

  @Override
  public void close() {
    if (scripted != null) {
      scripted.close();
    }
    fronts.values().forEach(TlsFront::close);
    servers.values().forEach(GreenMail::stop);
  }
}
