package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.net.HttpClients;
import dev.maildiag.api.internal.net.ProxyDecision;
import dev.maildiag.api.internal.net.Route;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The identity host (the token endpoint's host) answers HTTPS through the same route and proxy decision the
 * token calls use, so that a blocked identity host is reported as a network problem, not an OAuth error.
 * Any HTTP status proves reachability: the token endpoint answers a bare GET with 4xx.
 */
public final class IdentityReachable implements Check {
  public static final String ID = "network.identity";
  /** The identity endpoint (host:port) that took the connection and did not answer: later requests need not wait for it again. */
  public static final dev.maildiag.api.spi.Key<String> UNANSWERED = dev.maildiag.api.spi.Key.of("identityUnanswered", String.class);

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.NETWORK, "Identity host answers HTTPS")
        .finds(RootCause.NETWORK_BLOCKED, RootCause.PROXY_BLOCKING, RootCause.DNS_FAILURE, RootCause.TLS_CERTIFICATE)
        .after(DnsResolves.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.identityEndpoint(context) != null;
  }

  @Override
  public Finding run(CheckContext ctx) throws IOException {
    URI endpoint = Probes.identityEndpoint(ctx.context());
    String target = endpoint.getHost() + ":" + Probes.port(endpoint);
    Route route = ProxyDecision.forHttps(ctx.context().network(), endpoint.getHost());
    Request request = new Request.Builder().url(endpoint.toString()).get().header("User-Agent", "maildiag").build();
    // any HTTP answer proves the host answers; following redirects would only wait on whatever they point at
    okhttp3.Call call = HttpClients.forContext(ctx.context()).newBuilder().followRedirects(false).followSslRedirects(false).build()
        .newCall(request);
    ctx.closeOnTimeout(call::cancel);
    try (Response response = call.execute()) {
      Finding.Builder ok = Finding.ok("The identity host " + endpoint.getHost() + " answers HTTPS (HTTP " + response.code() + ")")
          .evidence("url", endpoint.getScheme() + "://" + endpoint.getHost() + endpoint.getPath())
          .evidence("status", response.code())
          .evidence("route", route.describe());
      if (response.handshake() != null) {
        ok.evidence("tls", response.handshake().tlsVersion().javaName());
        for (Certificate c : response.handshake().peerCertificates()) {
          if (c instanceof X509Certificate x) {
            ok.evidence("certificateIssuer", x.getIssuerX500Principal().getName());
            break;
          }
        }
      }
      return ok.build();
    } catch (SSLException e) {
      return Finding.error("TLS with the identity host " + target + " failed: " + Printable.of(e.getMessage()))
          .rootCause(RootCause.TLS_CERTIFICATE, 0.8)
          .detail("The identity platform uses public CAs; a refused certificate usually means a proxy or firewall re-signs TLS.")
          .step("Import the intercepting proxy's CA into " + TlsTrust.forContext(ctx.context()).description()
              + ", or ask the network administrator to exempt " + endpoint.getHost() + " from TLS inspection.")
          .evidence("route", route.describe())
          .build();
    } catch (IOException e) {
      if (e instanceof java.net.SocketTimeoutException) { // a read that got nothing (a call's overall limit is not this)
        ctx.facts().put(UNANSWERED, target);
      }
      return unreachable(e, target, route).build();
    }
  }

  private static Finding.Builder unreachable(IOException e, String target, Route route) throws IOException {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    String lower = msg.toLowerCase(Locale.ROOT);
    if (!route.isDirect() && (lower.contains("connect: 40") || lower.contains("connect: 50") || lower.contains("authenticate with proxy")
        || lower.contains("proxy"))) {
      int status = lower.contains("407") || lower.contains("authenticate with proxy") ? 407 : lower.contains("403") ? 403 : 0;
      return Finding.error("The proxy " + route.proxy().host() + ":" + route.proxy().port() + " does not let the identity calls through"
              + (status > 0 ? " (" + status + ")" : ""))
          .rootCause(RootCause.PROXY_BLOCKING, 0.9)
          .detail("Token requests to " + target + " go " + route.describe() + ", and the proxy refused the tunnel: "
              + Printable.of(msg) + ". This is a network problem, not an OAuth error.")
          .step(status == 407 ? "Give the proxy credentials: -Dhttps.proxyUser=<user> -Dhttps.proxyPassword=<password>."
              : "Ask the proxy administrator to allow CONNECT to " + target + ".")
          .step("Or, if the firewall lets it out directly: -Dhttp.nonProxyHosts=\"" + target.substring(0, target.lastIndexOf(':'))
              + "|localhost|127.*\".")
          .evidence("route", route.describe()).evidence("error", Printable.of(msg));
    }
    if (!route.isDirect() && (e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException)) {
      // OkHttp connects to the proxy first: a connect failure on a proxied route is the proxy's
      return Finding.error("The proxy " + route.proxy().host() + ":" + route.proxy().port() + " for the identity calls cannot be reached")
          .rootCause(RootCause.PROXY_BLOCKING, 0.85)
          .detail("Token requests to " + target + " go " + route.describe() + ", and the proxy does not accept connections: "
              + Printable.of(msg) + ". This is a network problem, not an OAuth error.")
          .step("Check the proxy settings (" + route.reason() + "=" + route.proxy().host() + ", port " + route.proxy().port() + ").")
          .step("Or, if the firewall lets it out directly: -Dhttp.nonProxyHosts=\"" + target.substring(0, target.lastIndexOf(':'))
              + "|localhost|127.*\".")
          .evidence("route", route.describe()).evidence("error", Printable.of(msg));
    }
    Finding.Builder b = NetworkFailure.describe(e, target, route.isDirect() ? null : route.describe());
    if (b == null) {
      if (lower.contains("timeout") || lower.contains("timed out") || lower.contains("canceled")) {
        return Finding.error("The identity host " + target + " did not answer in time")
            .rootCause(RootCause.NETWORK_BLOCKED, 0.8)
            .detail("This is a network problem, not an OAuth error.")
            .step("Ask the firewall administrator to allow outbound HTTPS from this host to " + target + ".")
            .evidence("route", route.describe()).evidence("error", Printable.of(msg));
      }
      throw e;
    }
    return b.evidence("route", route.describe());
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    URI endpoint = Probes.identityEndpoint(ctx.context());
    return Finding.error("The identity host " + endpoint.getHost() + " did not answer within " + Durations.format(limit))
        .rootCause(RootCause.NETWORK_BLOCKED, 0.8)
        .detail("HTTPS to the identity platform got no answer in time: a firewall likely drops it. This is not an OAuth error.")
        .step("Ask the firewall administrator to allow outbound HTTPS from this host to " + endpoint.getHost() + ":443.")
        .build();
  }
}
