package dev.maildiag.api.internal.checks;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.explain.CapabilityLists;
import dev.maildiag.api.internal.explain.ClientMessages;
import dev.maildiag.api.internal.explain.ClusterStickiness;
import dev.maildiag.api.internal.explain.GenericSignatures;
import dev.maildiag.api.internal.explain.StandardCodes;
import dev.maildiag.api.internal.oauth.AccessTokenClaims;
import dev.maildiag.api.internal.oauth.AccessTokenGrant;
import dev.maildiag.api.internal.oauth.OAuthErrorCodes;
import dev.maildiag.api.internal.probe.BasicAuthRefused;
import dev.maildiag.api.internal.probe.DnsResolves;
import dev.maildiag.api.internal.probe.GreetingAndCapabilities;
import dev.maildiag.api.internal.probe.IdentityReachable;
import dev.maildiag.api.internal.probe.MailboxFolder;
import dev.maildiag.api.internal.probe.OtherProtocolLogin;
import dev.maildiag.api.internal.probe.ProxyRoute;
import dev.maildiag.api.internal.probe.SessionServes;
import dev.maildiag.api.internal.probe.TcpConnects;
import dev.maildiag.api.internal.probe.TlsHandshake;
import dev.maildiag.api.internal.probe.Xoauth2Authentication;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Interpreter;
import java.util.List;

/** The provider-neutral checks. Registering a new core check is one line here. */
public final class CoreDiagnostics implements DiagnosticsProvider {
  /** The id of the provider every runner has. */
  public static final String ID = "core";

  @Override
  public String id() {
    return ID;
  }

  /** The built-in root causes, whose ids are the constants of {@link RootCause}. */
  @Override
  public List<RootCause> rootCauses() {
    return BuiltInRootCauses.all();
  }

  @Override
  public List<Check> checks() {
    return List.of(
        new RequiredSettings(),
        new PortMatchesSecurity(),
        new EndpointUrls(),
        new AddressesWellFormed(),
        new ValuesWellFormed(),
        new TimeoutsSane(),
        new DnsResolves(),
        new TcpConnects(),
        new TlsHandshake(),
        new GreetingAndCapabilities(),
        new AccessTokenGrant(),
        new AccessTokenClaims(),
        new Xoauth2Authentication(),
        new OtherProtocolLogin(),
        new BasicAuthRefused(),
        new SessionServes(),
        new MailboxFolder(),
        new ProxyRoute(),
        new IdentityReachable(),
        new ClusterStickiness());
  }

  @Override
  public List<Interpreter> interpreters() {
    return List.of(new OAuthErrorCodes(), new GenericSignatures(), new StandardCodes(), new ClientMessages(), new CapabilityLists());
  }
}
