package dev.maildiag.testkit.cluster;

import static dev.maildiag.testkit.ReportAssert.assertThat;

import dev.maildiag.api.Report;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole chain for a clustered product: a round-robin balancer is session-stickiness, a sticky one is healthy. */
class ClusterScenariosTest {
  static Stream<Scenario> scenarios() {
    return Scenarios.of("cluster").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void diagnosisNamesTheSimulatedFailure(Scenario scenario) throws Exception {
    try (Simulation simulation = scenario.start()) {
      Report report = simulation.maildiag().diagnose(simulation.context());

      if (scenario.failureMode().equals(Scenario.HEALTHY)) {
        assertThat(report).hasNoErrors();
      } else {
        assertThat(report).hasTopRootCause(scenario.failureMode());
      }
    }
  }
}
