package dev.maildiag.cli.suite;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only, for every simulated failure mode: when the diagnosis reaches a mailbox (a mailbox check ran),
 * the simulation must show it through {@link Simulation#mailbox()}, its messages, UIDs and flags must be
 * identical before and after, and its server must never have received POP3 {@code DELE} or IMAP
 * {@code STORE}, {@code EXPUNGE}, {@code COPY}, {@code MOVE} (or any other writing command).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReadOnlySuiteTest {
  private static final AtomicInteger PROVEN = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> aDiagnosisChangesNoMailbox() {
    return Scenarios.all().stream().map(s -> DynamicTest.dynamicTest(s.provider() + "/" + s.failureMode(), () -> check(s)));
  }

  @AfterAll
  static void theSuiteHadMailboxesToProtect() {
    // so that the suite cannot pass by finding nothing to look at
    assertThat(PROVEN.get()).as("scenarios whose non-empty mailbox was proven unchanged").isGreaterThanOrEqualTo(2);
  }

  private static void check(Scenario scenario) throws Exception {
    try (Simulation simulation = scenario.start()) {
      MailboxWitness mailbox = simulation.mailbox().orElse(null);
      MailboxSnapshot before = mailbox == null ? null : mailbox.snapshot();
      int commandsBefore = mailbox == null ? 0 : mailbox.commandsReceived().size();

      Report report = simulation.maildiag().diagnose(simulation.context());

      boolean reachedMailbox = report.findings().stream()
          .anyMatch(f -> f.checkId().startsWith("mailbox.") && f.severity() != Severity.SKIPPED);
      if (mailbox == null) {
        assertThat(reachedMailbox).as("the diagnosis reached a mailbox (%s), so the simulation must offer Simulation.mailbox()",
            report.findings().stream().filter(f -> f.checkId().startsWith("mailbox.")).map(Finding::summary).toList()).isFalse();
        return;
      }
      assertThat(mailbox.snapshot()).as("mailbox after the diagnosis").isEqualTo(before);
      assertThat(mailbox.writingCommands()).as("writing commands received").isEmpty();
      List<String> sent = mailbox.commandsReceived();
      if (reachedMailbox) {
        assertThat(sent.size()).as("a mailbox check ran, so the witness must have seen its commands").isGreaterThan(commandsBefore);
        if (before.messageCount() > 0) {
          PROVEN.incrementAndGet();
        }
      }
    }
  }
}
