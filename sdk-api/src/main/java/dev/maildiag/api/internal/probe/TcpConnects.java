package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.checks.AddressesWellFormed;
import dev.maildiag.api.internal.checks.ValuesWellFormed;
import dev.maildiag.api.internal.net.Route;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The first hop accepts a TCP connection: the mail host and port, or the proxy when the mail connection
 * goes through one (the tunnel itself is {@link ProxyRoute}'s business). Tells refused, timed out,
 * unreachable and reset apart, since each means something else to a firewall administrator.
 */
public final class TcpConnects implements Check {
  public static final String ID = "network.tcp";

  @Override
  public CheckInfo info() {
    // nothing is sent on a configuration that would send something else than it says (see ValuesWellFormed)
    return CheckInfo.of(ID, Stage.NETWORK, "Mail host accepts TCP connections").finds(RootCause.NETWORK_BLOCKED)
        .requires(ValuesWellFormed.ID, AddressesWellFormed.ID)
        .after(DnsResolves.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context);
  }

  @Override
  public Finding run(CheckContext ctx) throws IOException {
    MailServer s = ctx.context().server();
    Route route = MailWire.route(ctx);
    String host = route.isDirect() ? s.host() : route.proxy().host();
    int port = route.isDirect() ? s.effectivePort() : route.proxy().port();
    String target = host + ":" + port;
    String via = route.isDirect() ? null : "(the " + route.kind().name() + " proxy for mail, " + route.reason() + ")";
    long start = System.nanoTime();
    Socket socket = ctx.closeOnTimeout(new Socket(Proxy.NO_PROXY));
    boolean handedOn = false;
    try {
      socket.connect(new InetSocketAddress(host, port), MailWire.millis(ctx.timeouts().connect()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      Finding ok = Finding.ok("Connected to " + target + (via == null ? "" : " " + via) + " in " + Durations.format(took))
          .evidence("target", target)
          .evidence("address", socket.getInetAddress().getHostAddress())
          .evidence("route", route.describe())
          .build();
      if (route.isDirect()) {
        // the next steps (TLS, greeting, login) go on over this connection; a proxied one is opened through
        // the proxy by the first of them, since this check only reaches the proxy
        socket.setTcpNoDelay(true);
        MailWire.over(ctx, socket).handOn();
        handedOn = true;
      }
      return ok;
    } catch (UnknownHostException e) {
      return Finding.skipped(host + " does not resolve (see " + DnsResolves.ID + ")").build();
    } catch (IOException e) {
      Finding.Builder b = NetworkFailure.describe(e, target, via);
      if (b == null) {
        throw e;
      }
      return b.evidence("route", route.describe()).build();
    } finally {
      if (!handedOn) {
        socket.close();
      }
    }
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    MailServer s = ctx.context().server();
    return Finding.error("Connecting to " + Probes.target(s) + " did not complete within " + Durations.format(limit))
        .rootCause(RootCause.NETWORK_BLOCKED, 0.85)
        .detail("The connection attempt got no answer: a firewall most likely drops the packets silently.")
        .step("Ask the firewall administrator to allow outbound TCP from this host to " + Probes.target(s) + ".")
        .evidence("target", Probes.target(s))
        .build();
  }
}
