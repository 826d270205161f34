package dev.maildiag.testkit.google;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.testkit.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static dev.maildiag.testkit.ReportAssert.assertThat;

class GoogleSimulationTest {
  static Stream<String> failures() {
    return GoogleSimulation.FAILURES.keySet().stream().filter(f -> !f.equals(Scenario.HEALTHY));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void theFullDiagnosisRanksTheSimulatedRootCauseFirst(String failure) {
    try (GoogleSimulation google = GoogleSimulation.start(failure)) {
      Report report = Maildiag.create().diagnose(google.context());
      assertThat(report).hasTopRootCause(failure);
      assertNoSecretIn(report, google);
    }
  }

  private static void assertNoSecretIn(Report report, GoogleSimulation google) {
    String json = ReportJson.write(report) + TextReport.write(report);
    DiagnosticContext c = google.context();
    org.assertj.core.api.Assertions.assertThat(json).doesNotContain(google.accessToken().orElseThrow().reveal());
    for (Secret s : new Secret[] {c.tokens().refreshToken(), c.tokens().accessToken(), c.oauth().clientSecret()}) {
      if (s != null) {
        org.assertj.core.api.Assertions.assertThat(json).doesNotContain(s.reveal());
      }
    }
  }

  @org.junit.jupiter.api.Test
  void theHealthyDiagnosisLeavesTheMailboxAsItWas() {
    try (GoogleSimulation google = GoogleSimulation.start(Scenario.HEALTHY)) {
      MailboxWitness mailbox = google.mailbox().orElseThrow();
      MailboxSnapshot before = mailbox.snapshot();
      Maildiag.create().diagnose(google.context());
      org.assertj.core.api.Assertions.assertThat(before.messageCount()).isPositive();
      org.assertj.core.api.Assertions.assertThat(mailbox.snapshot()).isEqualTo(before);
      org.assertj.core.api.Assertions.assertThat(mailbox.commandsReceived())
          .contains("AUTHENTICATE XOAUTH2 [sasl]").anyMatch(c -> c.startsWith("EXAMINE"))
          .noneMatch(c -> c.contains(google.accessToken().orElseThrow().reveal()));
      org.assertj.core.api.Assertions.assertThat(mailbox.writingCommands()).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void theHealthySimulationGivesNoError() {
    try (GoogleSimulation google = GoogleSimulation.start(Scenario.HEALTHY)) {
      Report report = Maildiag.create().diagnose(google.context());
      assertThat(report).hasNoErrors();
      assertNoSecretIn(report, google);
    }
  }
}
