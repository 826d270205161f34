package dev.maildiag.api.checks;

import dev.maildiag.api.Check;
import dev.maildiag.api.DiagnosticsProvider;
import dev.maildiag.api.Interpreter;
import dev.maildiag.api.explain.ClusterStickiness;
import dev.maildiag.api.oauth.AccessTokenClaims;
import dev.maildiag.api.oauth.AccessTokenGrant;
import dev.maildiag.api.oauth.OAuthErrorCodes;
import dev.maildiag.api.probe.BasicAuthRefused;
import dev.maildiag.api.probe.DnsResolves;
import dev.maildiag.api.probe.GreetingAndCapabilities;
import dev.maildiag.api.probe.IdentityReachable;
import dev.maildiag.api.probe.MailboxFolder;
import dev.maildiag.api.probe.ProxyRoute;
import dev.maildiag.api.probe.SessionServes;
import dev.maildiag.api.probe.TcpConnects;
import dev.maildiag.api.probe.TlsHandshake;
import dev.maildiag.api.probe.Xoauth2Authentication;
import java.util.List;

/** The provider-neutral checks. Registering a new core check is one line here. */
public final class CoreDiagnostics implements DiagnosticsProvider {
  @Override
  public String id() {
    return "core";
  }

  @Override
  public List<Check> checks() {
    return List.of(
        new RequiredSettings(),
        new PortMatchesSecurity(),
        new EndpointUrls(),
        new AddressesWellFormed(),
        new TimeoutsSane(),
        new DnsResolves(),
        new TcpConnects(),
        new TlsHandshake(),
        new GreetingAndCapabilities(),
        new AccessTokenGrant(),
        new AccessTokenClaims(),
        new Xoauth2Authentication(),
        new BasicAuthRefused(),
        new SessionServes(),
        new MailboxFolder(),
        new ProxyRoute(),
        new IdentityReachable(),
        new ClusterStickiness());
  }

  @Override
  public List<Interpreter> interpreters() {
    return List.of(new OAuthErrorCodes());
  }
}
