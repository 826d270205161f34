package dev.maildiag.api.internal.explain;

import dev.maildiag.api.DiagnosticContext.Cluster;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.CheckTester;
import dev.maildiag.testkit.FindingAssert;
import dev.maildiag.testkit.cluster.LoopbackCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The check and its probe against a sticky and a round-robin loopback cluster (in the testkit's module, which has both). */
class ClusterStickinessTest {
  static DiagnosticContext context(String baseUrl, List<String> nodeUrls) {
    return DiagnosticContext.builder().cluster(new Cluster(baseUrl, nodeUrls)).timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void aRoundRobinBalancerIsSessionStickiness() {
    try (LoopbackCluster cluster = LoopbackCluster.roundRobin(2)) {
      Finding f = CheckTester.forCheck(new ClusterStickiness()).context(context(cluster.baseUrl(), cluster.nodeUrls())).run();

      FindingAssert.assertThat(f).hasSeverity(Severity.ERROR).hasRootCause(RootCause.SESSION_STICKINESS)
          .hasEvidence("answeredBy", "node1").hasEvidence("answeredBy", "node2");
      assertThat(f.checkId()).isEqualTo("cluster.stickiness");
      assertThat(f.evidence()).containsValue("node1").containsValue("node2"); // each node URL names itself
      assertThat(cluster.requests()).isEqualTo(ClusterProbe.DEFAULT_REQUESTS);
    }
  }

  @Test
  void aStickyBalancerIsFine() {
    try (LoopbackCluster cluster = LoopbackCluster.sticky(3)) {
      Finding f = CheckTester.forCheck(new ClusterStickiness()).context(context(cluster.baseUrl(), List.of())).run();

      assertThat(f.severity()).isEqualTo(Severity.OK);
      assertThat(f.rootCause()).isNull();
      assertThat(f.evidence().get("answeredBy")).isEqualTo(String.join(", ", List.of("node1", "node1", "node1", "node1", "node1", "node1")));
    }
  }

  @Test
  void theProbeReportsEachRequestsNode() throws IOException {
    try (LoopbackCluster cluster = LoopbackCluster.roundRobin(3)) {
      ClusterProbeReport report = new ClusterProbe(context(null, List.of()), 4).probe(cluster.baseUrl() + "?token=secret", List.of());

      assertThat(report.answeredBy()).containsExactly("node1", "node2", "node3", "node1");
      assertThat(report.switches()).hasSize(3);
      assertThat(report.baseUrl()).doesNotContain("secret");
      assertThat(report.candidates()).extracting(c -> c.rootCause()).containsExactly(RootCause.SESSION_STICKINESS);
    }
  }

  @Test
  void anUnreachableBaseUrlIsAWarningNotAStackTrace() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Finding f = CheckTester.forCheck(new ClusterStickiness()).context(context("http://127.0.0.1:" + closedPort + "/", List.of())).run();

    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.summary()).contains("Could not reach");
  }

  @Test
  void aBaseUrlThatIsNoHttpUrlIsAConfigurationError() {
    Finding f = CheckTester.forCheck(new ClusterStickiness()).context(context("ftp://jira.example.com/?token=secret", List.of())).run();

    assertThat(f.rootCause()).isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(f.detail()).doesNotContain("secret");
  }

  @Test
  void appliesOnlyWhenTheContextNamesTheClustersBaseUrl() {
    assertThat(CheckTester.forCheck(new ClusterStickiness()).context(DiagnosticContext.builder().build()).applies()).isFalse();
    assertThat(CheckTester.forCheck(new ClusterStickiness()).context(context(null, List.of("http://127.0.0.1:1/"))).applies()).isFalse();
    assertThat(CheckTester.forCheck(new ClusterStickiness()).context(context("http://127.0.0.1:1/", List.of())).applies()).isTrue();
    assertThat(new ClusterStickiness().info().id()).isEqualTo("cluster.stickiness");
  }
}
