package dev.maildiag.api;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.run.RootCauses;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Key;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaildiagTest {
  private static final Key<String> GREETING = Key.of("greeting", String.class);

  private static Maildiag runnerOf(Check... checks) {
    Maildiag.Builder b = Maildiag.builder().discoverProviders(false);
    for (Check c : checks) {
      b.check(c);
    }
    return b.build();
  }

  private static DiagnosticContext context(Duration step) {
    return DiagnosticContext.builder().network(NetworkSettings.direct()).timeout(step).build();
  }

  @Test
  void dependentOfAFailedCheckIsSkippedWithTheReason() {
    Check first = FakeCheck.error("net.first", RootCauses.NETWORK_BLOCKED);
    Check second = new FakeCheck(CheckInfo.of("net.second", Stage.NETWORK, "second").requires("net.first"),
        ctx -> { throw new AssertionError("must not run"); });

    Report report = runnerOf(first, second).diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.finding("net.second")).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.SKIPPED);
      assertThat(f.summary()).contains("net.first");
    });
    assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(report.topRootCause()).get().extracting(RankedRootCause::id).isEqualTo(RootCauses.NETWORK_BLOCKED);
  }

  @Test
  void afterOrdersChecksAndLetsThemShareFacts() {
    // registered in the "wrong" order on purpose: the plan must put the producer first
    Check consumer = new FakeCheck(CheckInfo.of("b.consumer", Stage.PROTOCOL, "consumer").after("a.producer"),
        ctx -> Finding.ok("saw " + ctx.facts().get(GREETING).orElse("nothing")).build());
    Check producer = new FakeCheck(CheckInfo.of("a.producer", Stage.PROTOCOL, "producer"), ctx -> {
      ctx.facts().put(GREETING, "* OK ready");
      return Finding.error("producer failed after learning something").build();
    });

    Report report = runnerOf(consumer, producer).diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.findings()).extracting(Finding::checkId).containsExactly("a.producer", "b.consumer");
    assertThat(report.finding("b.consumer")).get().extracting(Finding::summary).isEqualTo("saw * OK ready");
  }

  @Test
  void independentChecksRunConcurrently() {
    // each check waits for the other to start: only a concurrent runner lets both finish OK
    CountDownLatch bothStarted = new CountDownLatch(2);
    java.util.function.Function<CheckContext, Finding> meet = ctx -> {
      bothStarted.countDown();
      try {
        return bothStarted.await(5, TimeUnit.SECONDS) ? Finding.ok("met").build() : Finding.error("alone").build();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
    Report report = runnerOf(new FakeCheck(CheckInfo.of("x.one", Stage.NETWORK, "one"), meet),
        new FakeCheck(CheckInfo.of("x.two", Stage.NETWORK, "two"), meet)).diagnose(context(Duration.ofSeconds(8)));

    assertThat(report.findings()).extracting(Finding::severity).containsOnly(Severity.OK);
  }

  @Test
  void aCheckBlockedOnASilentServerIsStoppedAtItsLimitAndItsSocketClosed() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> opened = new CopyOnWriteArrayList<>();
      Check reader = new FakeCheck(CheckInfo.of("tcp.read", Stage.NETWORK, "reads a greeting"), ctx -> {
        try {
          Socket s = ctx.closeOnTimeout(new Socket(silent.getInetAddress(), silent.getLocalPort()));
          opened.add(s);
          InputStream in = s.getInputStream(); // no SO_TIMEOUT on purpose: only the runner can stop it
          return Finding.ok("read " + in.read()).build();
        } catch (IOException e) {
          return Finding.error("closed: " + e.getClass().getSimpleName()).build();
        }
      });
      Timeouts t = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10));
      long start = System.nanoTime();

      Report report = runnerOf(reader).diagnose(DiagnosticContext.builder().network(NetworkSettings.direct()).timeouts(t).build());

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      Finding f = report.finding("tcp.read").orElseThrow();
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.summary()).startsWith("Did not finish within 300 ms");
      assertThat(opened).singleElement().satisfies(s -> assertThat(s.isClosed()).isTrue());
    }
  }

  @Test
  void anExceptionBecomesAnErrorFindingWithoutAStackTrace() {
    Check broken = new FakeCheck(CheckInfo.of("x.broken", Stage.CONFIG, "broken"), ctx -> {
      throw new IllegalStateException("cannot parse the answer");
    });

    Report report = runnerOf(broken).diagnose(context(Duration.ofSeconds(5)));

    Finding f = report.finding("x.broken").orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).isEqualTo("The check failed unexpectedly: IllegalStateException");
    assertThat(f.detail()).isEqualTo("cannot parse the answer");
    assertThat(ReportJson.write(report)).doesNotContain("at dev.maildiag").doesNotContain("\tat ");
  }

  @Test
  void checksNotStartedBeforeTheDeadlineAreIncompleteAndKeepTheVerdictFromOk() {
    Check slow = new FakeCheck(CheckInfo.of("a.slow", Stage.NETWORK, "slow"), ctx -> {
      sleep(700);
      return Finding.ok("done").build();
    });
    Check next = new FakeCheck(CheckInfo.of("b.next", Stage.NETWORK, "next").after("a.slow"), ctx -> Finding.ok("ran").build());
    Timeouts t = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500));

    Report report = runnerOf(slow, next).diagnose(DiagnosticContext.builder().network(NetworkSettings.direct()).timeouts(t).build());

    // stopped by its time limit, or (on a loaded machine, when the timer is late) left incomplete: never OK
    assertThat(report.finding("a.slow")).get().extracting(Finding::severity).isIn(Severity.ERROR, Severity.WARNING);
    assertThat(report.finding("b.next")).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.summary()).startsWith("Incomplete").contains("deadline");
      assertThat(f.evidence()).containsEntry("reason", "incomplete");
    });
  }

  @Test
  void aCheckThatIgnoresItsTimeLimitNeitherDelaysTheReportNorLeavesItOk() {
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    Check stuck = new FakeCheck(CheckInfo.of("a.stuck", Stage.NETWORK, "stuck"), ctx -> {
      while (true) {
        try {
          never.await(); // ignores interruption, like a read blocked in a library
        } catch (InterruptedException ignored) {
          // keep blocking
        }
      }
    }) {
      @Override
      public Finding timedOut(dev.maildiag.api.spi.CheckContext ctx, Duration limit) {
        try {
          never.await(); // a timeout handler that blocks too
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
        return Finding.ok("never").build();
      }
    };
    Check fine = FakeCheck.ok("b.fine");
    Timeouts t = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(800));
    List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    DiagnosisListener listener = new DiagnosisListener() {
      @Override
      public void finished(CheckInfo check, Finding finding) {
        heard.add(check.id());
      }
    };

    long start = System.nanoTime();
    Report report = runnerOf(stuck, fine).diagnose(DiagnosticContext.builder().network(NetworkSettings.direct()).timeouts(t).build(),
        listener);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    never.countDown();

    assertThat(took).isLessThan(Duration.ofMillis(800 * 11 / 10 + 300));
    assertThat(report.verdict()).isNotEqualTo(Verdict.OK);
    assertThat(report.finding("a.stuck")).get().satisfies(f -> assertThat(f.evidence()).containsEntry("reason", "incomplete"));
    assertThat(heard).containsExactlyInAnyOrder("a.stuck", "b.fine");
  }

  @Test
  void listenerHearsEveryCheckAndChecksThatDoNotApplyAreLeftOut() {
    Check applies = FakeCheck.ok("a.applies");
    Check doesNot = new FakeCheck(CheckInfo.of("b.pop3-only", Stage.PROTOCOL, "pop3 only"), ctx -> Finding.ok("x").build()) {
      @Override
      public boolean appliesTo(DiagnosticContext context) {
        return context.server().protocol() == Protocol.POP3;
      }
    };
    Check dependent = new FakeCheck(CheckInfo.of("c.dependent", Stage.PROTOCOL, "dependent").requires("b.pop3-only"),
        ctx -> Finding.ok("ran without its non-applicable prerequisite").build());
    List<String> heard = new CopyOnWriteArrayList<>();
    DiagnosisListener listener = new DiagnosisListener() {
      @Override
      public void finished(CheckInfo check, Finding finding) {
        heard.add(check.id() + "=" + finding.severity());
      }
    };

    Report report = runnerOf(applies, doesNot, dependent)
        .diagnose(DiagnosticContext.builder().protocol(Protocol.IMAP).network(NetworkSettings.direct()).build(), listener);

    assertThat(report.findings()).extracting(Finding::checkId).containsExactly("a.applies", "c.dependent");
    assertThat(heard).containsExactlyInAnyOrder("a.applies=OK", "c.dependent=OK");
  }

  @Test
  void stagesLimitWhatRuns() {
    Check config = FakeCheck.ok("a.config");
    Check network = new FakeCheck(CheckInfo.of("b.network", Stage.NETWORK, "network"), ctx -> Finding.ok("x").build());

    Report report = Maildiag.builder().discoverProviders(false).check(config).check(network).stages(Stage.CONFIG).build()
        .diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.findings()).extracting(Finding::checkId).containsExactly("a.config");
  }

  @Test
  void aDependencyCycleIsRejected() {
    Check a = new FakeCheck(CheckInfo.of("a", Stage.CONFIG, "a").after("b"), ctx -> Finding.ok("a").build());
    Check b = new FakeCheck(CheckInfo.of("b", Stage.CONFIG, "b").requires("a"), ctx -> Finding.ok("b").build());

    assertThatThrownBy(() -> runnerOf(a, b).diagnose(context(Duration.ofSeconds(5))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cycle");
  }

  @Test
  void discoveredCoreChecksRunOnTheirOwn() {
    Report report = Maildiag.builder().stages(Stage.CONFIG).build().diagnose(DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("imap.example.com").port(993).security(Security.NONE).login("a@example.com")
        .accessToken(Secret.of("token")).network(NetworkSettings.direct()).build());

    assertThat(report.finding("config.port-security")).get().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    assertThat(report.topRootCause()).get().extracting(RankedRootCause::id).isEqualTo(RootCauses.TLS_MODE_MISMATCH);
  }

  @Test
  void aProvidersOwnFixReplacesTheGenericOneForFindingsWithoutAFix() {
    DiagnosticsProvider provider = new DiagnosticsProvider() {
      @Override public String id() { return "acme"; }
      @Override public java.util.Optional<Remediation> remediation(String rootCause, DiagnosticContext context) {
        return rootCause.equals(RootCauses.PROTOCOL_DISABLED)
            ? java.util.Optional.of(Remediation.of(List.of("Run Set-CASMailbox " + context.server().login() + " -ImapEnabled $true")))
            : java.util.Optional.empty();
      }
      @Override public List<Check> checks() {
        return List.of(FakeCheck.error("x.auth", RootCauses.PROTOCOL_DISABLED), FakeCheck.error("x.net", RootCauses.NETWORK_BLOCKED));
      }
    };

    Report report = Maildiag.builder().discoverProviders(false).provider(provider).build()
        .diagnose(DiagnosticContext.builder().login("a@example.com").network(NetworkSettings.direct()).build());

    assertThat(report.finding("x.auth").orElseThrow().remediation().steps()).containsExactly("Run Set-CASMailbox a@example.com -ImapEnabled $true");
    assertThat(report.rootCauses()).filteredOn(r -> r.id().equals(RootCauses.PROTOCOL_DISABLED)).singleElement()
        .satisfies(r -> assertThat(r.remediation().steps()).containsExactly("Run Set-CASMailbox a@example.com -ImapEnabled $true"));
    assertThat(report.finding("x.net").orElseThrow().remediation())
        .isEqualTo(RootCauses.find(RootCauses.NETWORK_BLOCKED).orElseThrow().remediation());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
