package dev.maildiag.testkit.cluster;

import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.Report;
import dev.maildiag.api.RootCauses;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import org.junit.jupiter.api.Test;

/** The demo's cluster scenarios, diagnosed end to end through the cluster.stickiness check. */
class ClusterScenariosTest {
  static Report diagnose(String failureMode) throws Exception {
    Scenario scenario = Scenarios.of("cluster").stream().filter(s -> s.failureMode().equals(failureMode)).findFirst().orElseThrow();
    try (Simulation simulation = scenario.start()) {
      return simulation.maildiag().diagnose(simulation.context());
    }
  }

  @Test
  void aRoundRobinBalancerIsDiagnosedAsSessionStickiness() throws Exception {
    Report report = diagnose(RootCauses.SESSION_STICKINESS);

    assertThat(report).hasTopRootCause(RootCauses.SESSION_STICKINESS).hasFinding("cluster.stickiness", Severity.ERROR);
    assertThat(report.finding("cluster.stickiness").orElseThrow().evidence().get("answeredBy")).contains("node1, node2");
  }

  @Test
  void aStickyBalancerIsHealthy() throws Exception {
    Report report = diagnose(Scenario.HEALTHY);

    assertThat(report).hasNoErrors().hasVerdict(Verdict.OK).hasFinding("cluster.stickiness", Severity.OK);
  }
}
