package dev.maildiag.api;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.internal.report.ReportJson;
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
    Maildiag.Builder b = FakeCheck.bareRunner();
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
    Check first = FakeCheck.error("net.first", RootCause.NETWORK_BLOCKED);
    Check second = new FakeCheck(CheckInfo.of("net.second", Stage.NETWORK, "second").requires("net.first"),
        ctx -> { throw new AssertionError("must not run"); });

    Report report = runnerOf(first, second).diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.finding("net.second")).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.SKIPPED);
      assertThat(f.summary()).contains("net.first");
    });
    assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(report.topRootCause()).get().extracting(RankedRootCause::id).isEqualTo(RootCause.NETWORK_BLOCKED);
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

    Report report = FakeCheck.bareRunner().check(config).check(network).stages(Stage.CONFIG).build()
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
    assertThat(report.topRootCause()).get().extracting(RankedRootCause::id).isEqualTo(RootCause.TLS_MODE_MISMATCH);
  }

  @Test
  void aProvidersOwnFixReplacesTheGenericOneForFindingsWithoutAFix() {
    DiagnosticsProvider provider = new DiagnosticsProvider() {
      @Override public String id() { return "acme"; }
      @Override public java.util.Optional<Remediation> remediation(String rootCause, DiagnosticContext context) {
        return rootCause.equals(RootCause.PROTOCOL_DISABLED)
            ? java.util.Optional.of(Remediation.of(List.of("Run Set-CASMailbox " + context.server().login() + " -ImapEnabled $true")))
            : java.util.Optional.empty();
      }
      @Override public List<Check> checks() {
        return List.of(FakeCheck.error("x.auth", RootCause.PROTOCOL_DISABLED), FakeCheck.error("x.net", RootCause.NETWORK_BLOCKED));
      }
    };

    Report report = FakeCheck.bareRunner().provider(provider).build()
        .diagnose(DiagnosticContext.builder().login("a@example.com").network(NetworkSettings.direct()).build());

    assertThat(report.finding("x.auth").orElseThrow().remediation().steps()).containsExactly("Run Set-CASMailbox a@example.com -ImapEnabled $true");
    assertThat(report.rootCauses()).filteredOn(r -> r.id().equals(RootCause.PROTOCOL_DISABLED)).singleElement()
        .satisfies(r -> assertThat(r.remediation().steps()).containsExactly("Run Set-CASMailbox a@example.com -ImapEnabled $true"));
    assertThat(report.finding("x.net").orElseThrow().remediation())
        .isEqualTo(Maildiag.create().rootCause(RootCause.NETWORK_BLOCKED).orElseThrow().remediation());
  }

  @Test
  void aDiagnosisWithNoCheckIsNotOk() {
    Report report = runnerOf().diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.checkId()).isEqualTo("diagnosis.nothing-checked");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.summary()).contains("No check ran");
    });
    assertThat(report.rootCauses()).isEmpty();
  }

  @Test
  void aDiagnosisWhoseChecksWereAllSkippedIsNotOk() {
    Check skipper = new FakeCheck(CheckInfo.of("x.skipper", Stage.CONFIG, "skipper"), ctx -> Finding.skipped("nothing to do").build());

    Report report = runnerOf(skipper).diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(report.findings()).extracting(Finding::checkId).containsExactly("x.skipper", "diagnosis.nothing-checked");
  }

  @Test
  void aPreflightWithoutOfflineChecksIsNotOk() {
    Check network = new FakeCheck(CheckInfo.of("x.network", Stage.NETWORK, "network"), ctx -> Finding.ok("x").build());

    Report report = runnerOf(network).preflight(context(Duration.ofSeconds(5)));

    assertThat(report.verdict()).isEqualTo(Verdict.WARNING);
    assertThat(report.findings()).extracting(Finding::checkId).containsExactly("diagnosis.nothing-checked");
  }

  @Test
  void theCoreChecksArePresentWithoutDiscovery() {
    Maildiag runner = Maildiag.builder().discoverProviders(false).build();

    assertThat(runner.providers()).extracting(DiagnosticsProvider::id).containsExactly("core");
    assertThat(runner.plan(context(Duration.ofSeconds(5)))).extracting(CheckInfo::id).contains("config.required");
    assertThat(runner.rootCause(RootCause.SCOPES)).isPresent();
    assertThat(runner.explainer().interpreters()).extracting(i -> i.getClass().getSimpleName())
        .containsExactly("OAuthErrorCodes", "CapabilityLists", "GenericSignatures", "StandardCodes", "ClientMessages");
  }

  @Test
  void anInterpreterOfTheEmbeddersOwnIsAsked() {
    dev.maildiag.api.spi.Interpreter own = observation -> observation.text().contains("ACME-42")
        ? List.of(new dev.maildiag.api.spi.Candidate(RootCause.THROTTLED, 0.7, "ACME's throttling code")) : List.of();

    Maildiag runner = Maildiag.builder().discoverProviders(false).interpreter(own).build();

    assertThat(runner.explainer().interpreters()).contains(own);
    assertThat(runner.explainer().explain(new dev.maildiag.api.spi.Observation("error ACME-42", Stage.PROTOCOL, Protocol.IMAP,
        null, new dev.maildiag.api.spi.Facts(), context(Duration.ofSeconds(5)))))
        .extracting(dev.maildiag.api.spi.Candidate::rootCause).contains(RootCause.THROTTLED);
  }

  @Test
  void interpretersAreMadeOnlyWhenSomethingIsInterpreted() {
    java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
    DiagnosticsProvider counting = new DiagnosticsProvider() {
      @Override
      public String id() {
        return "counting";
      }

      @Override
      public List<dev.maildiag.api.spi.Interpreter> interpreters() {
        made.incrementAndGet();
        return List.of(observation -> List.of());
      }
    };
    Maildiag runner = Maildiag.builder().discoverProviders(false).provider(counting).stages(Stage.CONFIG).build();

    runner.preflight(context(Duration.ofSeconds(5)));
    assertThat(made).as("an offline diagnosis reads no catalog").hasValue(0);

    runner.explainer().explain(dev.maildiag.api.spi.Observation.ofText("A1 NO AUTHENTICATE failed."));
    runner.explainer().explain(dev.maildiag.api.spi.Observation.ofText("535 5.7.3 Authentication unsuccessful"));
    assertThat(made).as("made once, on the first explanation").hasValue(1);
  }

  @Test
  void aSignatureTableNamingAnUnknownCauseFailsItsFirstExplanation() {
    class Misspelt extends dev.maildiag.api.spi.SignatureTable {
      Misspelt() {
        super(null, List.of(dev.maildiag.api.spi.Signature.anyOf("acme-42").cause("scopse", 0.8)
            .says("ACME says no").source("https://example.com/acme")));
      }
    }
    Maildiag runner = Maildiag.builder().discoverProviders(false).interpreter(new Misspelt()).build();

    assertThatThrownBy(() -> runner.explainer().explain(dev.maildiag.api.spi.Observation.ofText("ACME-42")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Misspelt row 'ACME says no' names unknown root cause 'scopse'");
  }

  @Test
  void misspeltIdsFailWhenTheRunnerIsBuilt() {
    Check findsTypo = new FakeCheck(CheckInfo.of("x.a", Stage.CONFIG, "a").finds("scopse"), ctx -> Finding.ok("a").build());
    Check requiresTypo = new FakeCheck(CheckInfo.of("x.b", Stage.CONFIG, "b").requires("x.aa"), ctx -> Finding.ok("b").build());
    Check afterTypo = new FakeCheck(CheckInfo.of("x.c", Stage.CONFIG, "c").after("network.tpc"), ctx -> Finding.ok("c").build());

    assertThatThrownBy(() -> runnerOf(findsTypo)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("check 'x.a' finds unknown root cause 'scopse'");
    assertThatThrownBy(() -> runnerOf(requiresTypo)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("check 'x.b' requires unknown check 'x.aa'");
    assertThatThrownBy(() -> runnerOf(afterTypo)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("check 'x.c' runs after unknown check 'network.tpc'");
    // an excluded or not applicable check is still a known one
    assertThat(runnerOf(new FakeCheck(CheckInfo.of("x.d", Stage.CONFIG, "d").requires("network.tcp"), ctx -> Finding.ok("d").build())))
        .isNotNull();
  }

  @Test
  void aRootCauseOfTheEmbeddersOwnIsKnownToItsRunnerOnly() {
    RootCause own = new RootCause("acme-quota", "The ACME quota is used up", "why", Remediation.of(List.of("Raise the quota")));
    Check check = new FakeCheck(CheckInfo.of("acme.quota", Stage.CONFIG, "quota").finds("acme-quota"),
        ctx -> Finding.error("quota used up").rootCause("acme-quota").build());

    Report report = FakeCheck.bareRunner().rootCause(own).check(check).build().diagnose(context(Duration.ofSeconds(5)));

    assertThat(report.topRootCause()).get().satisfies(r -> {
      assertThat(r.title()).isEqualTo("The ACME quota is used up");
      assertThat(r.remediation().steps()).containsExactly("Raise the quota");
    });
    assertThat(Maildiag.create().rootCause("acme-quota")).isEmpty();
  }

  @Test
  void aFindingWithAnUnregisteredRootCauseIsReportedAsABugInItsCheck() {
    Check typo = new FakeCheck(CheckInfo.of("x.typo", Stage.CONFIG, "typo"),
        ctx -> Finding.warning("looks like a scope problem").rootCause("scopse").build());

    Report report = runnerOf(typo).diagnose(context(Duration.ofSeconds(5)));

    Finding f = report.finding("x.typo").orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isNull();
    assertThat(f.summary()).contains("unknown root cause: scopse");
    assertThat(f.detail()).contains("bug in the check x.typo");
    assertThat(report.rootCauses()).isEmpty();
  }

  @Test
  void offlineChecksRunOnTheCallersThread() {
    List<String> threads = new CopyOnWriteArrayList<>();
    Check where = new FakeCheck(CheckInfo.of("x.where", Stage.CONFIG, "where"), ctx -> {
      threads.add(Thread.currentThread().getName());
      return Finding.ok("here").build();
    });
    Maildiag runner = runnerOf(where);

    runner.preflight(context(Duration.ofSeconds(5)));
    runner.diagnose(context(Duration.ofSeconds(5)));

    assertThat(threads).containsOnly(Thread.currentThread().getName()).hasSize(2);
  }

  @Test
  void liveChecksRunOnTheCallersExecutor() {
    List<String> threads = new CopyOnWriteArrayList<>();
    java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newFixedThreadPool(2, r -> new Thread(r, "callers-own"));
    try {
      Check live = new FakeCheck(CheckInfo.of("x.live", Stage.NETWORK, "live"), ctx -> {
        threads.add(Thread.currentThread().getName());
        return Finding.ok("ran").build();
      });

      Report report = FakeCheck.bareRunner().check(live).executor(mine).build().diagnose(context(Duration.ofSeconds(5)));

      assertThat(report.verdict()).isEqualTo(Verdict.OK);
      assertThat(threads).containsExactly("callers-own");
    } finally {
      mine.shutdownNow();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
