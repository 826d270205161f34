package dev.maildiag.api.internal.run;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Key;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The diagnosis owns what its checks open, and closes it when it ends, however it ends. */
class DiagnosisLifecycleTest {
  private static final Key<Resource> CONNECTION = Key.of("test.connection", Resource.class);

  /** A stand-in for a connection that counts how often it is closed. */
  static final class Resource implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }

    boolean isOpen() {
      return closes.get() == 0;
    }
  }

  private static Check check(String id, Function<CheckInfo, CheckInfo> wiring, CheckBody body) {
    CheckInfo info = wiring.apply(CheckInfo.of(id, Stage.NETWORK, id));
    return new Check() {
      @Override
      public CheckInfo info() {
        return info;
      }

      @Override
      public Finding run(CheckContext ctx) throws Exception {
        return body.run(ctx);
      }
    };
  }

  interface CheckBody {
    Finding run(CheckContext ctx) throws Exception;
  }

  private static Report diagnose(Timeouts timeouts, Check... checks) {
    Maildiag.Builder b = Maildiag.builder().discoverProviders(false);
    for (Check c : checks) {
      b.check(c);
    }
    return b.build().diagnose(DiagnosticContext.builder().network(NetworkSettings.direct()).timeouts(timeouts).build());
  }

  private static Timeouts seconds(int check, int deadline) {
    return new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(check), Duration.ofSeconds(deadline));
  }

  @Test
  void aResourceHandedOnGoesToTheNextCheckOpenAndIsClosedAtTheEnd() {
    Resource connection = new Resource();
    boolean[] openWhenTaken = new boolean[1];
    Check opener = check("a.open", i -> i, ctx -> {
      ctx.handOn(CONNECTION, connection);
      return Finding.ok("opened").build();
    });
    Check user = check("b.use", i -> i.requires("a.open"), ctx -> {
      Resource taken = ctx.take(CONNECTION).orElseThrow();
      openWhenTaken[0] = taken.isOpen();
      return Finding.ok("used").build(); // forgets to close it: the diagnosis does
    });

    Report report = diagnose(seconds(5, 10), opener, user);

    assertThat(report.finding("b.use")).get().extracting(Finding::severity).isEqualTo(Severity.OK);
    assertThat(openWhenTaken[0]).isTrue();
    assertThat(connection.closes).hasValue(1);
  }

  @Test
  void aResourceNobodyTakesIsClosedWhenTheDiagnosisEnds() {
    Resource connection = new Resource();
    Check opener = check("a.open", i -> i, ctx -> {
      ctx.handOn(CONNECTION, connection);
      return Finding.ok("opened").build();
    });

    diagnose(seconds(5, 10), opener);

    assertThat(connection.closes).hasValue(1);
  }

  @Test
  void whatAStuckCheckOwnsIsClosedWhenTheDeadlineEndsTheDiagnosis() {
    Resource connection = new Resource();
    Check stuck = check("a.stuck", i -> i, ctx -> {
      ctx.own(connection);
      Thread.sleep(5_000); // ignores interruption's meaning on purpose: only the lifecycle can close its resource
      return Finding.ok("late").build();
    });
    Timeouts t = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(300));
    long start = System.nanoTime();

    Report report = diagnose(t, stuck);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(report.finding("a.stuck")).get().extracting(Finding::severity).isNotEqualTo(Severity.OK);
    assertThat(connection.closes).hasValue(1);
  }

  @Test
  void aResourceHandedOnAfterTheDiagnosisEndedIsClosedAtOnce() {
    CheckContext ctx = new CheckContext(DiagnosticContext.builder().network(NetworkSettings.direct()).build(), new Facts(),
        Explainer.of(List.of()));
    CheckContext late = ctx.forCheck();
    ctx.close();
    Resource handed = new Resource();
    Resource owned = new Resource();

    late.handOn(CONNECTION, handed);
    late.own(owned);

    assertThat(handed.closes).hasValue(1);
    assertThat(owned.closes).hasValue(1);
    assertThat(late.take(CONNECTION)).isEmpty();
  }

  @Test
  void aSecondResourceUnderTheSameKeyClosesTheFirst() {
    try (CheckContext ctx = new CheckContext(DiagnosticContext.builder().network(NetworkSettings.direct()).build(),
        new Facts(), Explainer.of(List.of()))) {
      Resource first = new Resource();
      Resource second = new Resource();
      ctx.handOn(CONNECTION, first);
      ctx.forCheck().handOn(CONNECTION, second);

      assertThat(first.closes).hasValue(1);
      assertThat(ctx.take(CONNECTION)).containsSame(second);
      assertThat(second.isOpen()).isTrue();
    }
  }
}
