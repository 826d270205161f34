package dev.maildiag.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.Candidate;
import dev.maildiag.api.Explainer;
import dev.maildiag.api.Observation;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input for the parts that read what users paste or upload: seeded random text (see {@link RandomText})
 * never escapes as an exception and each input finishes in bounded time. The configuration parser has its own
 * fuzz test (ConfigurationFuzzTest); this suite adds the explainer, the HAR reader and the JWT claim reader.
 * A failure names its seed and run, so it reproduces.
 */
class BadInputSuiteTest {
  private static final long SEED = 7_2026_11_28L;
  /** Generous for a loaded CI machine; a backtracking regex or a quadratic scan takes seconds or minutes. */
  static final Duration PER_INPUT = Duration.ofSeconds(2);

  @Test
  void theExplainerRanksOrIgnoresAnyTextInBoundedTime() {
    Explainer explainer = Explainer.discover();
    RandomText text = new RandomText(SEED);
    Stage[] stages = Stage.values();
    Protocol[] protocols = Protocol.values();
    String[] providers = {null, "microsoft", "google", "other"};
    for (int i = 0; i < 400; i++) {
      String input = text.next();
      Observation o = new Observation(input, text.random().nextInt(4) == 0 ? null : stages[text.random().nextInt(stages.length)],
          text.random().nextInt(3) == 0 ? null : protocols[text.random().nextInt(protocols.length)],
          providers[text.random().nextInt(providers.length)], null, null);
      long t0 = System.nanoTime();
      List<Candidate> ranked = explainer.explain(o);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).as("run %d (seed %d) took %s on %d chars", i, SEED, took, input.length()).isLessThan(PER_INPUT);
      assertThat(ranked).as("run %d (seed %d)", i, SEED).doesNotContainNull()
          .allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
    }
  }
}
