package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.internal.net.ProxyDecision;
import dev.maildiag.api.internal.net.Route;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which route the mail and the identity connections take under the JVM and Jakarta Mail proxy settings, and
 * whether each proxy on the way opens the tunnel (HTTP CONNECT, or SOCKS). A refusal names the exact flags to fix.
 */
public final class ProxyRoute implements Check {
  public static final String ID = "network.proxy";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.NETWORK, "Proxies on the way open the tunnels").finds(RootCause.PROXY_BLOCKING);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context) || Probes.identityEndpoint(context) != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    NetworkSettings n = c.network();
    List<Leg> legs = new ArrayList<>();
    if (Probes.hasMailServer(c)) {
      MailServer s = c.server();
      legs.add(new Leg("mail", s.host(), s.effectivePort(), ProxyDecision.forMail(n, s.protocol(), s.security(), s.host()),
          MailSessions.protocolName(s)));
    }
    URI identity = Probes.identityEndpoint(c);
    if (identity != null) {
      legs.add(new Leg("identity", identity.getHost(), Probes.port(identity), ProxyDecision.forHttps(n, identity.getHost()), null));
    }
    for (Leg leg : legs) {
      if (!leg.route.isDirect()) {
        Finding refused = tryTunnel(ctx, leg);
        if (refused != null) {
          return refused;
        }
      }
    }
    boolean anyProxy = legs.stream().anyMatch(l -> !l.route.isDirect());
    Finding.Builder ok = anyProxy ? Finding.ok("Every proxy on the way opens its tunnel") : Finding.ok("No proxy applies: connections go direct");
    for (Leg leg : legs) {
      ok.evidence(leg.name + "Route", leg.target() + " " + leg.route.describe());
    }
    Finding.Builder warning = warnings(n, legs);
    if (warning != null) {
      for (Leg leg : legs) {
        warning.evidence(leg.name + "Route", leg.target() + " " + leg.route.describe());
      }
      return warning.build();
    }
    return ok.build();
  }

  /** Settings that do not do what they seem to. */
  private static Finding.Builder warnings(NetworkSettings n, List<Leg> legs) {
    if (n.httpsNonProxyHosts() != null && n.httpsProxy() != null) {
      return Finding.warning("https.nonProxyHosts is set, but the JVM ignores it")
          .rootCause(RootCause.PROXY_BLOCKING, 0.4)
          .detail("The JDK applies http.nonProxyHosts to HTTPS too and never reads https.nonProxyHosts, so the hosts listed "
              + "there still go through the proxy.")
          .step("Move the list to -Dhttp.nonProxyHosts=\"" + n.httpsNonProxyHosts() + "\".")
          .evidence("httpsNonProxyHosts", n.httpsNonProxyHosts());
    }
    Leg mail = legs.stream().filter(l -> l.name.equals("mail")).findFirst().orElse(null);
    Leg identity = legs.stream().filter(l -> l.name.equals("identity")).findFirst().orElse(null);
    if (mail != null && identity != null && mail.route.isDirect() && !identity.route.isDirect()) {
      return Finding.info("Identity traffic goes through a proxy, mail traffic goes direct")
          .detail("The JVM's https.proxyHost does not apply to mail connections. If the firewall only lets traffic out "
              + "through the proxy, mail needs -Dmail." + mail.jakartaName + ".proxy.host/port as well.");
    }
    return null;
  }

  /** Null when the tunnel opens; else the finding. */
  private static Finding tryTunnel(CheckContext ctx, Leg leg) {
    Route route = leg.route;
    try (Socket socket = ctx.closeOnTimeout(route.kind() == Route.Kind.HTTP
        ? ProxyTunnel.open(ctx, route.proxy(), leg.host, leg.port)
        : new Socket(route.toProxy()))) {
      if (route.kind() != Route.Kind.HTTP) {
        socket.setSoTimeout(MailWire.millis(ctx.timeouts().read()));
        socket.connect(InetSocketAddress.createUnresolved(leg.host, leg.port), MailWire.millis(ctx.timeouts().connect()));
      }
      return null;
    } catch (ProxyRefusedException e) {
      return withFix(ProxyFindings.refused(e, leg.target()), leg, e.status()).build();
    } catch (IOException e) {
      Finding.Builder b = NetworkFailure.describe(e, route.proxy().host() + ":" + route.proxy().port(), "(the proxy for " + leg.name + ")");
      String summary = "The " + route.kind().name() + " proxy " + route.proxy().host() + ":" + route.proxy().port()
          + " did not open a tunnel to " + leg.target() + ": " + Printable.of(e.getMessage());
      Finding.Builder f = Finding.error(summary).rootCause(RootCause.PROXY_BLOCKING, 0.85)
          .detail(b == null ? "" : b.build().detail())
          .evidence("error", Printable.of(e.getMessage()));
      return withFix(f, leg, 0).build();
    }
  }

  private static Finding.Builder withFix(Finding.Builder b, Leg leg, int status) {
    Route r = leg.route;
    String proxy = r.proxy().host() + ":" + r.proxy().port();
    if (status == 407) {
      if (leg.jakartaName != null && r.reason().startsWith("mail.")) {
        b.step("Give the proxy credentials for mail: -Dmail." + leg.jakartaName + ".proxy.user=<user> -Dmail."
            + leg.jakartaName + ".proxy.password=<password>.");
      } else if (r.kind() == Route.Kind.SOCKS) {
        b.step("Give the SOCKS credentials: -Djava.net.socks.username=<user> -Djava.net.socks.password=<password>.");
      } else {
        b.step("Give the proxy credentials: -Dhttps.proxyUser=<user> -Dhttps.proxyPassword=<password> "
            + "(and -Djdk.http.auth.tunneling.disabledSchemes= to allow Basic for HTTPS tunnels).");
      }
    } else if (status == 403 || (status > 0 && status < 500)) {
      b.step("Ask the proxy administrator to allow CONNECT to " + leg.target() + " through " + proxy + ".");
    }
    if (leg.jakartaName != null) {
      b.step("Or, if the firewall lets mail out directly, do not route mail through the proxy: remove -D" + r.reason() + ".");
    } else if (r.kind() == Route.Kind.HTTP) {
      b.step("Or, if the firewall lets it out directly, exempt the identity host: -Dhttp.nonProxyHosts=\"" + leg.host
          + "|localhost|127.*\" (the JVM ignores https.nonProxyHosts).");
    }
    return b.evidence("route", leg.target() + " " + r.describe());
  }

  private record Leg(String name, String host, int port, Route route, String jakartaName) {
    String target() {
      return host + ":" + port;
    }
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return Finding.error("A proxy did not open its tunnel within " + Durations.format(limit))
        .rootCause(RootCause.PROXY_BLOCKING, 0.7)
        .detail("The proxy accepted the connection but did not answer the tunnel request in time.")
        .build();
  }

}
