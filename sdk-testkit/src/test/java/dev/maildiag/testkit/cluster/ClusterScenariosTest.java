package dev.maildiag.testkit.cluster;

import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo's cluster scenarios, diagnosed end to end through the cluster.stickiness check. */
class ClusterScenariosTest {
  static Report diagnose(Scenario scenario) throws Exception {
    try (Simulation simulation = scenario.start()) {
      return simulation.maildiag().diagnose(simulation.context());
    }
  }

  @Test
  void aRoundRobinBalancerIsDiagnosedAsSessionStickiness() throws Exception {
    Report report = diagnose(Scenarios.of("cluster").get(0));

    assertThat(report).hasTopRootCause(RootCause.SESSION_STICKINESS).hasFinding("cluster.stickiness", Severity.ERROR);
    assertThat(report.finding("cluster.stickiness").orElseThrow().evidence().get("answeredBy")).contains("node1, node2");
  }

  @Test
  void theSameSetupWithAStickyBalancerIsHealthy() throws Exception {
    Report report = diagnose(ClusterScenarios.scenario(Scenario.HEALTHY, "sticky", LoopbackCluster::sticky));

    assertThat(report).hasNoErrors().hasVerdict(Verdict.OK).hasFinding("cluster.stickiness", Severity.OK);
  }
}
