package dev.maildiag.testkit.junit5;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.testkit.google.GoogleSimulation;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatedGoogleExtensionTest {
  @SimulatedGoogle(failure = "wrong-user-authorized")
  DiagnosticContext otherAccount;

  @Test
  void fieldGetsAReadyContext() {
    assertThat(otherAccount.oauth().provider()).isEqualTo("google");
    assertThat(Maildiag.create().diagnose(otherAccount)).hasTopRootCause("wrong-user-authorized");
  }

  @Test
  void parameterGetsTheDiagnosis(@SimulatedGoogle(failure = "protocol-disabled") Report report) {
    assertThat(report).hasTopRootCause("protocol-disabled");
  }

  @Test
  void simulationAndContextForAnotherProtocol(
      @SimulatedGoogle(protocol = "pop3") GoogleSimulation google,
      @SimulatedGoogle(protocol = "pop3") DiagnosticContext context) {
    assertThat(context).isSameAs(google.context());
    assertThat(context.server().protocol()).isEqualTo(Protocol.POP3);
    assertThat(google.maildiag().diagnose(context)).hasNoErrors();
  }
}
