package dev.maildiag.testkit;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Key;
import dev.maildiag.api.internal.probe.GreetingAndCapabilities;
import dev.maildiag.api.internal.probe.TcpConnects;
import dev.maildiag.api.internal.probe.TlsHandshake;
import dev.maildiag.api.internal.probe.Xoauth2Authentication;
import dev.maildiag.microsoft.MicrosoftDiagnostics;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckTesterTest {
  private static final Key<String> TICKET = Key.of("acme.ticket", String.class);

  private static DiagnosticContext imap() {
    return DiagnosticContext.builder().protocol(Protocol.IMAP).host("imap.example.com").login("a@example.com")
        .timeout(Duration.ofMillis(400)).build();
  }

  /** A check that reads a fact an earlier check would have published, and does what the test tells it to. */
  private record Scripted(String does) implements Check {
    @Override
    public CheckInfo info() {
      return CheckInfo.of("acme.scripted", Stage.CONFIG, "Does what the test says");
    }

    @Override
    public boolean appliesTo(DiagnosticContext context) {
      return context.server().protocol() == Protocol.IMAP;
    }

    @Override
    public Finding run(CheckContext ctx) throws Exception {
      switch (does) {
        case "throw" -> throw new IllegalStateException("the add-on's settings are gone");
        case "hang" -> new CountDownLatch(1).await();
        default -> { }
      }
      return ctx.facts().get(TICKET).map(t -> Finding.ok("Ticket " + t).evidence("ticket", t).build())
          .orElseGet(() -> Finding.warning("No ticket").build());
    }
  }

  @Test
  void runsAProvidersCheckByIdAgainstASimulationAsADiagnosisWould() {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.failing("scopes").start()) {
      Finding f = CheckTester.forCheck(new MicrosoftDiagnostics(), "microsoft.scopes").context(m365).run();

      FindingAssert.assertThat(f).hasSeverity(Severity.ERROR).hasRootCause("scopes");
      assertThat(f.checkId()).isEqualTo("microsoft.scopes");
      assertThat(f.remediation().steps()).isNotEmpty();
    }
  }

  @Test
  void anUnknownCheckIdNamesTheProvidersChecks() {
    assertThatThrownBy(() -> CheckTester.forCheck(new MicrosoftDiagnostics(), "microsoft.scope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("microsoft.scopes");
  }

  @Test
  void presetFactsReachTheCheck() {
    Finding f = CheckTester.forCheck(new Scripted("answer")).context(imap()).fact(TICKET, "HELP-42").run();

    FindingAssert.assertThat(f).hasSeverity(Severity.OK).hasEvidence("ticket", "HELP-42").hasNoRootCause();
    assertThat(f.checkId()).isEqualTo("acme.scripted");
    FindingAssert.assertThat(CheckTester.forCheck(new Scripted("answer")).context(imap()).run()).hasSeverity(Severity.WARNING);
  }

  @Test
  void anExceptionBecomesAnErrorFindingAsInADiagnosis() {
    Finding f = CheckTester.forCheck(new Scripted("throw")).context(imap()).run();

    FindingAssert.assertThat(f).hasSeverity(Severity.ERROR).hasSummaryContaining("IllegalStateException");
    assertThat(f.detail()).isEqualTo("the add-on's settings are gone");
  }

  @Test
  void aCheckThatHangsIsStoppedAtItsTimeLimit() {
    DiagnosticContext c = imap();
    Finding f = CheckTester.forCheck(new Scripted("hang")).context(c).run();

    FindingAssert.assertThat(f).hasSeverity(Severity.ERROR).hasSummaryContaining("Did not finish");
    assertThat(f.duration()).isGreaterThanOrEqualTo(c.timeouts().check());
  }

  @Test
  void aCheckThatDoesNotApplyIsNotRun() {
    CheckTester pop3 = CheckTester.forCheck(new Scripted("answer")).context(imap().toBuilder().protocol(Protocol.POP3).build());

    assertThat(pop3.applies()).isFalse();
    assertThatThrownBy(pop3::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not apply");
  }

  @Test
  void earlierChecksRunFirstInTheSameDiagnosisAndHandOnTheirConnection() {
    Secret token = Secret.of("ya29.checktester-" + System.nanoTime());
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).start()) {
      CheckTester tester = CheckTester.forCheck(new Xoauth2Authentication()).context(imap.context(token))
          .after(new TcpConnects(), new TlsHandshake(), new GreetingAndCapabilities());
      Finding login = tester.run();

      FindingAssert.assertThat(login).hasSeverity(Severity.OK);
      assertThat(tester.earlierFindings()).extracting(Finding::checkId)
          .containsExactly("network.tcp", "tls.handshake", "protocol.greeting");
      assertThat(tester.earlierFindings()).extracting(Finding::severity).containsOnly(Severity.OK);
      assertThat(imap.connections()).as("the login used the connection the earlier checks opened").isEqualTo(1);
    }
  }

  @Test
  void whatACheckGivesToTheDiagnosisIsClosedWhenTheRunEnds() {
    AtomicBoolean closed = new AtomicBoolean();
    Check owning = new Check() {
      @Override
      public CheckInfo info() {
        return CheckInfo.of("acme.owning", Stage.CONFIG, "Leaves a resource to the diagnosis");
      }

      @Override
      public Finding run(CheckContext ctx) {
        ctx.own(() -> closed.set(true));
        return Finding.ok("Left a resource open").build();
      }
    };
    CheckTester.forCheck(owning).context(imap()).run();

    assertThat(closed).isTrue();
  }

  @Test
  void aTesterRunsOnceAndNeedsAContext() {
    CheckTester tester = CheckTester.forCheck(new Scripted("answer"));
    assertThatThrownBy(tester::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("no context");
    CheckTester once = CheckTester.forCheck(new Scripted("answer")).context(imap());
    once.run();
    assertThatThrownBy(once::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
  }
}
