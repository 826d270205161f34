package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.net.ProxyDecision;
import dev.maildiag.api.internal.net.Route;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The mail host and the identity host resolve from here (unless a proxy resolves them for us). */
public final class DnsResolves implements Check {
  public static final String ID = "network.dns";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.NETWORK, "Mail and identity host names resolve").finds(RootCause.DNS_FAILURE);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context) || Probes.identityEndpoint(context) != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    Map<String, Route> hosts = new LinkedHashMap<>();
    if (Probes.hasMailServer(c)) {
      hosts.put(c.server().host(), ProxyDecision.forMail(c.network(), c.server().protocol(), c.server().security(), c.server().host()));
    }
    URI identity = Probes.identityEndpoint(c);
    if (identity != null) {
      hosts.putIfAbsent(identity.getHost(), ProxyDecision.forHttps(c.network(), identity.getHost()));
    }
    Finding.Builder ok = Finding.ok("Host names resolve");
    List<String> failed = new ArrayList<>();
    List<String> failedButProxied = new ArrayList<>();
    Map<String, String> answers = new LinkedHashMap<>();
    for (Map.Entry<String, Route> e : hosts.entrySet()) {
      String host = e.getKey();
      try {
        String addresses = Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
            .distinct().limit(8).collect(Collectors.joining(", "));
        ok.evidence(host, addresses);
      } catch (UnknownHostException ex) {
        answers.put(host, ex.getMessage() == null ? "unknown host" : ex.getMessage());
        // an HTTP proxy resolves the name itself; a local failure then does not stop the handler
        (e.getValue().kind() == Route.Kind.HTTP ? failedButProxied : failed).add(host);
      }
    }
    if (!failed.isEmpty()) {
      Finding.Builder b = Finding.error("Does not resolve: " + String.join(", ", failed))
          .rootCause(RootCause.DNS_FAILURE)
          .detail("The resolver of this machine has no address for " + String.join(" and ", failed)
              + ". The handler cannot connect to a host it cannot resolve.")
          .step("Check the host names for typos (the mail host, and the host of the token endpoint).")
          .step("Ask the network administrator to check DNS for " + String.join(", ", failed) + " from this machine (nslookup <host>).");
      answers.forEach((h, a) -> b.evidence(h, "no address: " + a));
      return b.build();
    }
    if (!failedButProxied.isEmpty()) {
      Finding.Builder b = Finding.info("Resolved by the proxy only: " + String.join(", ", failedButProxied))
          .detail("These names do not resolve here, but their connections go through an HTTP proxy, which resolves them.");
      answers.forEach((h, a) -> b.evidence(h, "no local address: " + a));
      return b.build();
    }
    return ok.build();
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return Finding.error("Name resolution did not answer within " + Durations.format(limit))
        .rootCause(RootCause.DNS_FAILURE, 0.8)
        .detail("The resolver did not answer in time: the DNS server is unreachable or very slow from this machine.")
        .step("Ask the network administrator to check the DNS servers configured on this machine.")
        .build();
  }
}
