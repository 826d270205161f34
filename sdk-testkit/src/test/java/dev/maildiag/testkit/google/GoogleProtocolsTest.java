package dev.maildiag.testkit.google;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated Google answers POP3 and SMTP as Gmail does too, and the diagnosis follows. */
class GoogleProtocolsTest {
  static List<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (Protocol p : List.of(Protocol.POP3, Protocol.SMTP)) {
      for (String f : GoogleSimulation.FAILURES.keySet()) {
        if (GoogleSimulation.appliesTo(f, p)) {
          all.add(Arguments.of(p, f));
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void diagnosedOverOtherProtocols(Protocol protocol, String failure) {
    try (GoogleSimulation google = GoogleSimulation.start(failure, protocol)) {
      Report report = Maildiag.create().diagnose(google.context());
      if (failure.equals(Scenario.HEALTHY)) {
        assertThat(report).hasNoErrors();
      } else {
        assertThat(report).hasTopRootCause(failure);
      }
    }
  }

  @Test
  void gmailHasNoSwitchThatDisablesSmtp() {
    assertThatThrownBy(() -> GoogleSimulation.start(RootCause.PROTOCOL_DISABLED, Protocol.SMTP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMTP");
  }
}
