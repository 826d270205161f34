package dev.maildiag.testkit.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.ReportAssert;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Simulation;
import dev.maildiag.testkit.google.GoogleSignInScenarios;
import dev.maildiag.testkit.microsoft.MicrosoftSignInScenarios;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sign-in failure mode of both providers is diagnosed first by its name; a healthy sign-in reaches the folder. */
class SignInScenariosTest {
  static Stream<Arguments> scenarios() {
    return Stream.concat(
        MicrosoftSignInScenarios.all().stream().map(f -> Arguments.of("microsoft", f.id(), (Starter) () -> MicrosoftSignInScenarios.start(f.id()))),
        GoogleSignInScenarios.all().stream().map(f -> Arguments.of("google", f.id(), (Starter) () -> GoogleSignInScenarios.start(f.id()))));
  }

  interface Starter {
    Simulation start();
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("scenarios")
  void diagnosedFirstByName(String provider, String failure, Starter starter) {
    Report report;
    try (Simulation sim = starter.start()) {
      report = sim.maildiag().diagnose(sim.context());
    }
    assertThat(report.findings().get(0).checkId()).isEqualTo(SignIn.REQUEST_CHECK);
    if (failure.equals(Scenario.HEALTHY)) {
      assertThat(report.findings(Severity.ERROR)).isEmpty();
      assertThat(finding(report, SignIn.TOKENS_CHECK).severity()).isEqualTo(Severity.OK);
      assertThat(finding(report, SignIn.ACCOUNT_CHECK).severity()).isEqualTo(Severity.OK);
      assertThat(finding(report, "mailbox.folder").severity()).isEqualTo(Severity.OK);
    } else {
      ReportAssert.assertThat(report).hasTopRootCause(failure);
      assertThat(report.findings().stream().filter(f -> f.checkId().startsWith("sign-in.")).map(Finding::rootCause)).contains(failure);
    }
  }

  private static Finding finding(Report report, String checkId) {
    return report.findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst().orElseThrow();
  }
}
