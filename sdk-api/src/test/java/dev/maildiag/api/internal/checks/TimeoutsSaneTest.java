package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static dev.maildiag.api.internal.checks.CheckRun.imap;
import static dev.maildiag.api.internal.checks.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class TimeoutsSaneTest {
  private final TimeoutsSane check = new TimeoutsSane();

  @Test
  void defaultsAreOk() throws Exception {
    assertThat(run(check, imap().build()).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void tinyTimeoutsAreErrors() throws Exception {
    Timeouts t = new Timeouts(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(60));
    Finding f = run(check, imap().timeouts(t).build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    // the fix names the setting, not a command-line flag
    assertThat(f.remediation().steps()).singleElement().asString().contains("the connect and read timeouts").doesNotContain("--");
  }

  @Test
  void aDeadlineShorterThanOneCheckIsAWarning() throws Exception {
    Timeouts t = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(3));
    assertThat(run(check, imap().timeouts(t).build()).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void hugeTimeoutsAreAWarning() throws Exception {
    assertThat(run(check, imap().timeout(Duration.ofMinutes(10)).build()).severity()).isEqualTo(Severity.WARNING);
  }
}
