package dev.maildiag.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestFactory;

/**
 * Read-only, for every simulated failure mode: where the simulation has a mailbox, its messages, UIDs and
 * flags are identical before and after a diagnosis, and its servers never received POP3 {@code DELE} or IMAP
 * {@code STORE}, {@code EXPUNGE}, {@code COPY}, {@code MOVE} (or any other writing command).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadOnlySuiteTest {
  private static final List<String> MAIL_PROVIDERS = List.of("microsoft", "google");

  @TestFactory
  Stream<DynamicTest> aDiagnosisChangesNoMailbox() {
    return Scenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.provider() + "/" + s.failureMode(), () -> check(s)));
  }

  @Test
  void everyMailProviderShowsItsMailboxSoTheSuiteHasSomethingToProve() throws Exception {
    for (Scenario s : Scenarios.all()) {
      // configuration samples and the cluster (a load balancer in front of the product) have no mailbox
      if (!MAIL_PROVIDERS.contains(s.provider()) || !s.failureMode().equals(Scenario.HEALTHY)) {
        continue;
      }
      try (Simulation simulation = s.start()) {
        assertThat(simulation.mailbox()).as("%s/%s offers Simulation.mailbox()", s.provider(), s.failureMode()).isPresent();
        assertThat(simulation.mailbox().orElseThrow().snapshot().messageCount())
            .as("%s: a healthy mailbox has messages to protect", s.provider()).isPositive();
      }
    }
  }

  private static void check(Scenario scenario) throws Exception {
    try (Simulation simulation = scenario.start()) {
      if (simulation.mailbox().isEmpty()) {
        return; // configuration-only samples and failures before any mail server
      }
      MailboxWitness mailbox = simulation.mailbox().orElseThrow();
      MailboxSnapshot before = mailbox.snapshot();
      int commandsBefore = mailbox.commandsReceived().size();

      Report report = simulation.maildiag().diagnose(simulation.context());

      assertThat(mailbox.snapshot()).as("mailbox after the diagnosis").isEqualTo(before);
      List<String> sent = mailbox.commandsReceived();
      assertThat(mailbox.writingCommands()).as("writing commands received").isEmpty();
      if (report.findings().stream().anyMatch(f -> f.checkId().startsWith("mailbox.") && f.severity() != Severity.SKIPPED)
          && sent.size() == commandsBefore) {
        throw new AssertionError("a mailbox check ran but the witness saw no command: the witness is not wired to the server");
      }
    }
  }
}
