package dev.maildiag.testkit.junit5;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatedMicrosoft365ExtensionTest {
  @SimulatedMicrosoft365(failure = "client-secret-expired")
  DiagnosticContext expiredSecret;

  @Test
  void fieldGetsAReadyContext() {
    assertThat(expiredSecret.oauth().provider()).isEqualTo("microsoft");
    assertThat(Maildiag.create().diagnose(expiredSecret)).hasTopRootCause("client-secret-expired");
  }

  @Test
  void parameterGetsTheDiagnosis(@SimulatedMicrosoft365(failure = "consent-required") Report report) {
    assertThat(report).hasTopRootCause("consent-required");
  }

  @Test
  void simulationAndContextForOtherCloudsAndProtocols(
      @SimulatedMicrosoft365(cloud = "gcc-high", protocol = "pop3") dev.maildiag.testkit.microsoft.Microsoft365Simulation m365,
      @SimulatedMicrosoft365(cloud = "gcc-high", protocol = "pop3") DiagnosticContext context) {
    assertThat(context).isSameAs(m365.context());
    assertThat(context.server().protocol()).isEqualTo(Protocol.POP3);
    assertThat(context.oauth().scopes()).contains("https://outlook.office365.us/POP.AccessAsUser.All");
    assertThat(m365.maildiag().diagnose(context)).hasNoErrors();
  }
}
