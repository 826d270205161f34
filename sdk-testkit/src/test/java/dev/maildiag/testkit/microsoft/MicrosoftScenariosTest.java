package dev.maildiag.testkit.microsoft;

import dev.maildiag.api.Report;
import dev.maildiag.api.Verdict;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static dev.maildiag.testkit.ReportAssert.assertThat;

/** The whole chain: for every Microsoft failure mode the full diagnosis ranks its root cause first. */
class MicrosoftScenariosTest {
  static Stream<Scenario> scenarios() {
    return Scenarios.of("microsoft").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void diagnosisNamesTheSimulatedFailure(Scenario scenario) throws Exception {
    try (Simulation simulation = scenario.start()) {
      Report report = simulation.maildiag().diagnose(simulation.context());

      if (scenario.failureMode().equals(Scenario.HEALTHY)) {
        assertThat(report).hasNoErrors().hasVerdict(Verdict.OK);
      } else {
        assertThat(report).hasTopRootCause(scenario.failureMode());
      }
    }
  }
}
