package dev.maildiag.cli.suite;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.explain.HarAnalyzer;
import dev.maildiag.api.internal.explain.HarReport;
import dev.maildiag.api.internal.explain.LogReport;
import dev.maildiag.api.internal.explain.LogScanner;
import dev.maildiag.api.internal.oauth.JwtClaims;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenClaims;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void theLogScannerReadsAnyBytesInBoundedTime() throws Exception {
    LogScanner scanner = LogScanner.of(Explainer.discover(), null);
    RandomText text = new RandomText(SEED + 1);
    for (int i = 0; i < 60; i++) {
      StringBuilder log = new StringBuilder();
      int lines = text.random().nextInt(400);
      for (int l = 0; l < lines; l++) {
        log.append(text.random().nextInt(3) == 0 ? "2026-11-28 10:0" + l % 10 + ":00,123 ERROR [mail] " : "").append(text.next())
            .append(text.random().nextInt(10) == 0 ? "\r\n" : "\n");
      }
      byte[] bytes = text.random().nextInt(8) == 0 ? randomBytes(text, 1 + text.random().nextInt(3_000_000)) : log.toString().getBytes(StandardCharsets.UTF_8);
      int run = i;
      LogReport report = within(() -> scanner.scan(new ByteArrayInputStream(bytes)), "log run " + run);
      assertThat(report.bytes()).as("log run %d", i).isEqualTo(bytes.length);
    }
  }

  @Test
  void theHarReaderReportsOrRefusesAnyInputInBoundedTime() throws Exception {
    RandomText text = new RandomText(SEED + 2);
    int reports = 0;
    for (int i = 0; i < 300; i++) {
      byte[] har = RandomHar.next(text).getBytes(StandardCharsets.UTF_8);
      if (text.random().nextInt(6) == 0) {
        har = java.util.Arrays.copyOf(har, text.random().nextInt(har.length + 1)); // cut off mid-file
      }
      byte[] input = text.random().nextInt(20) == 0 ? randomBytes(text, text.random().nextInt(5000)) : har;
      int run = i;
      try {
        HarReport report = within(() -> HarAnalyzer.analyze(new ByteArrayInputStream(input)), "HAR run " + run);
        assertThat(report.entries()).isNotNegative();
        reports++;
      } catch (IOException refused) {
        // "not a HAR file" and JSON syntax errors are the documented refusal
        assertThat(refused.getMessage()).as("HAR run %d", i).isNotBlank();
      }
    }
    assertThat(reports).as("most generated HAR files are read").isGreaterThan(100);
  }

  @Test
  void theJwtClaimReaderReadsOrDeclinesAnyTokenInBoundedTime() throws Exception {
    RandomText text = new RandomText(SEED + 3);
    int read = 0;
    for (int i = 0; i < 1000; i++) {
      String token = RandomJwt.next(text);
      int run = i;
      Optional<TokenClaims> claims = within(() -> JwtClaims.read(Secret.of(token)), "JWT run " + run);
      if (claims.isPresent()) {
        read++;
        assertThat(claims.get().scopes()).doesNotContainNull();
        assertThat(claims.get().toString()).doesNotContain(token);
      }
    }
    assertThat(read).as("the generator reaches the reading path too (most tokens have a claim of the wrong type)").isGreaterThan(20);
  }

  private static byte[] randomBytes(RandomText text, int length) {
    byte[] b = new byte[length];
    text.random().nextBytes(b);
    return b;
  }

  /** Runs {@code work} and fails if it takes longer than {@link #PER_INPUT}; exceptions other than IOException escape and fail the test. */
  private static <T> T within(Callable<T> work, String what) throws IOException {
    long t0 = System.nanoTime();
    try {
      return work.call();
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(what + ": unexpected " + e, e);
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).as("%s (seed %d) took %s", what, SEED, took).isLessThan(PER_INPUT);
    }
  }
}
