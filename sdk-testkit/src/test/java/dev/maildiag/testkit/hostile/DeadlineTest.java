package dev.maildiag.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Verdict;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.mail.MockMailServer.Hostility;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A silent or trickling server against a diagnosis whose deadline is shorter than its steps' own time
 * limits: the report comes by the deadline plus at most 10%, and the unfinished checks keep the verdict
 * from OK (WARNING with the reason "incomplete", or the check's own ERROR).
 */
class DeadlineTest {
  static final Duration DEADLINE = Duration.ofSeconds(2);

  @ParameterizedTest
  @EnumSource(value = Hostility.class, names = {"SILENT", "TRICKLE"})
  void theReportComesByTheDeadlineAndIsNotOk(Hostility hostility) {
    try (MockMailServer server = MockMailServer.imap().hostile(hostility).start()) {
      Timeouts slow = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), DEADLINE);
      Maildiag maildiag = Maildiag.create();
      var context = server.context().accessToken(Secret.of("q7Zr2Xw9Lp4Vn8Ks")).timeouts(slow).build();
      long t0 = System.nanoTime();
      Report report = maildiag.diagnose(context);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      System.out.printf("deadline %s, %s: report after %d ms (run %d ms)%n", DEADLINE, hostility, took.toMillis(), report.duration().toMillis());
      assertThat(took).as("time to the report%n%s", TextReport.write(report)).isLessThanOrEqualTo(DEADLINE.multipliedBy(11).dividedBy(10));
      assertThat(report.verdict()).as(TextReport.write(report)).isNotEqualTo(Verdict.OK);
      // the unfinished check is incomplete, or it stopped itself in time with its own ERROR
      assertThat(report.findings()).as(TextReport.write(report))
          .anyMatch(f -> "incomplete".equals(f.evidence().get("reason"))
              || f.severity() == dev.maildiag.api.Severity.ERROR && !f.checkId().startsWith("config."));
    }
  }
}
