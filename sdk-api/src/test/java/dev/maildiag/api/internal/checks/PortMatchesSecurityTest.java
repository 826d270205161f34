package dev.maildiag.api.internal.checks;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static dev.maildiag.api.internal.checks.CheckRun.imap;
import static dev.maildiag.api.internal.checks.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class PortMatchesSecurityTest {
  private final PortMatchesSecurity check = new PortMatchesSecurity();

  @ParameterizedTest
  @CsvSource({"IMAP,993,SSL", "IMAP,143,STARTTLS", "POP3,995,SSL", "POP3,110,STARTTLS", "SMTP,465,SSL", "SMTP,587,STARTTLS",
      "IMAP,0,SSL", "SMTP,0,STARTTLS"})
  void usualCombinationsAreOk(Protocol protocol, int port, Security security) throws Exception {
    Finding f = run(check, imap().protocol(protocol).port(port).security(security).build());
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @ParameterizedTest
  @CsvSource({"IMAP,993,NONE,ssl", "IMAP,993,STARTTLS,ssl", "POP3,995,NONE,ssl", "SMTP,465,STARTTLS,ssl",
      "IMAP,143,SSL,starttls", "POP3,110,SSL,starttls", "SMTP,587,SSL,starttls", "SMTP,25,SSL,starttls"})
  void mismatchesAreErrorsThatSayWhatToUse(Protocol protocol, int port, Security security, String expected) throws Exception {
    Finding f = run(check, imap().protocol(protocol).port(port).security(security).build());

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.TLS_MODE_MISMATCH);
    assertThat(f.evidence()).containsEntry("expected", expected).containsEntry("port", Integer.toString(port));
    assertThat(f.remediation().steps()).isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource({"IMAP,143", "POP3,110", "SMTP,587"})
  void plainTextOnAPlainPortIsAWarningBecauseTheTokenTravelsInTheClear(Protocol protocol, int port) throws Exception {
    Finding f = run(check, imap().protocol(protocol).port(port).security(Security.NONE).build());

    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.summary()).contains("unencrypted");
  }

  @ParameterizedTest
  @CsvSource({"IMAP,1993,SSL", "SMTP,2525,STARTTLS"})
  void unusualPortsAreTakenAsGiven(Protocol protocol, int port, Security security) throws Exception {
    assertThat(run(check, imap().protocol(protocol).port(port).security(security).build()).severity()).isEqualTo(Severity.INFO);
  }
}
