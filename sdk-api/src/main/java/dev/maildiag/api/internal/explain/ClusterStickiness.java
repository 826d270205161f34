package dev.maildiag.api.internal.explain;

import dev.maildiag.api.DiagnosticContext.Cluster;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;

/** The product's load balancer keeps one session on one node, as the OAuth authorization needs (KB root cause 13). */
public final class ClusterStickiness implements Check {
  public static final String ID = "cluster.stickiness";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CLUSTER, "Load balancer keeps a session on one node").finds(RootCause.SESSION_STICKINESS, RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.cluster().map(Cluster::baseUrl).isPresent();
  }

  @Override
  public Finding run(CheckContext ctx) {
    Cluster cluster = ctx.context().cluster().orElseThrow();
    ClusterProbeReport report;
    try {
      report = new ClusterProbe(ctx.context(), ClusterProbe.DEFAULT_REQUESTS).probe(cluster.baseUrl(), cluster.nodeUrls());
    } catch (IllegalArgumentException e) {
      return Finding.error("The cluster URLs are not http(s) URLs").rootCause(RootCause.INVALID_CONFIGURATION, 0.9)
          .detail(e.getMessage()).step("Give the product's base URL and node URLs as http:// or https:// URLs.").build();
    } catch (IOException e) {
      return Finding.warning("Could not reach the cluster's base URL to test stickiness")
          .detail("The product's load-balanced URL did not answer from here: " + e.getClass().getSimpleName())
          .evidence("baseUrl", ClusterProbe.safe(cluster.baseUrl()))
          .step("Run the probe from a machine that reaches the product's URL, or capture a HAR file of the authorization.")
          .build();
    }
    Finding.Builder f;
    if (!report.candidates().isEmpty()) {
      f = Finding.error("The load balancer moved one session between nodes: the OAuth flow can start and finish on different nodes")
          .candidates(report.candidates());
    } else if (report.answeredBy().stream().allMatch(ClusterProbe.UNKNOWN::equals)) {
      f = Finding.info(report.note());
    } else {
      f = Finding.ok(report.note());
    }
    Finding.Builder finding = f.evidence("baseUrl", report.baseUrl()).evidence("answeredBy", String.join(", ", report.answeredBy()));
    report.nodeOfUrl().forEach((url, node) -> finding.evidence("node " + url, node));
    return finding.build();
  }
}
