package dev.maildiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maildiag.api.internal.explain.LogReport;
import dev.maildiag.api.internal.explain.LogScanner;
import dev.maildiag.api.internal.explain.Observations;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Observation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real error text of the labelled corpus (copied from /work/shared/corpus/dev.json, each entry with
 * its public source) goes through the explainer with all modules' interpreters on the class path.
 */
class CorpusTest {
  static final Explainer EXPLAINER = Explainer.discover();
  static List<JsonNode> entries;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/dev.json")) {
      entries = new ArrayList<>();
      new ObjectMapper().readTree(in).forEach(entries::add);
    }
  }

  static List<String> ranked(JsonNode e, boolean withLabels) {
    Observation o = withLabels
        ? Observations.of(e.path("text").asText(), e.path("provider").asText(null), e.path("protocol").asText(null))
        : Observation.ofText(e.path("text").asText());
    return EXPLAINER.explain(o).stream().map(Candidate::rootCause).toList();
  }

  static Set<String> accept(JsonNode e) {
    Set<String> a = new TreeSet<>();
    e.path("accept").forEach(n -> a.add(n.asText()));
    return a;
  }

  @Test
  void mostDistinctiveTextsRankAnAcceptedCauseFirst() {
    assertTopAccuracy(true);
  }

  @Test
  void mostDistinctiveTextsRankAnAcceptedCauseFirstWithoutKnowingTheProvider() {
    assertTopAccuracy(false);
  }

  private static void assertTopAccuracy(boolean withLabels) {
    List<JsonNode> distinctive = entries.stream().filter(e -> e.path("kind").asText().equals("distinctive")).toList();
    List<String> misses = new ArrayList<>();
    for (JsonNode e : distinctive) {
      List<String> ranked = ranked(e, withLabels);
      if (ranked.isEmpty() || !accept(e).contains(ranked.get(0))) {
        misses.add(e.path("id").asText() + " top=" + (ranked.isEmpty() ? "none" : ranked.get(0)) + " accept=" + accept(e));
      }
    }
    double accuracy = 1.0 - (double) misses.size() / distinctive.size();
    System.out.printf("corpus: %d/%d distinctive entries ranked an accepted cause first (%.1f%%, labels=%s)%n",
        distinctive.size() - misses.size(), distinctive.size(), accuracy * 100, withLabels);
    assertThat(accuracy).as("misses: %s", misses).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void everyTextListsAnAcceptedCause() {
    for (boolean withLabels : new boolean[] {true, false}) {
      List<String> misses = entries.stream()
          .filter(e -> ranked(e, withLabels).stream().noneMatch(accept(e)::contains))
          .map(e -> e.path("id").asText() + " got=" + ranked(e, withLabels) + " accept=" + accept(e))
          .collect(Collectors.toList());
      assertThat(misses).as("labels=%s", withLabels).isEmpty();
    }
  }

  /** The log scanner's byte-level prefilter never hides a text the explainer recognises. */
  @Test
  void theLogScannerFindsWhatTheExplainerFinds() throws IOException {
    StringBuilder log = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (JsonNode e : entries) {
      String oneLine = e.path("text").asText().replaceAll("\\s+", " ");
      log.append("2024-01-01 00:00:00 ").append(oneLine).append('\n');
      List<Candidate> ranked = EXPLAINER.recognise(Observation.ofText(oneLine));
      if (!ranked.isEmpty()) {
        expected.add(ranked.get(0).rootCause());
      }
    }
    LogReport report = LogScanner.of(EXPLAINER, null).scan(new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(report.lines()).isEqualTo(entries.size());
    for (String cause : new TreeSet<>(expected)) {
      long lines = expected.stream().filter(cause::equals).count();
      assertThat(report.findings()).as(cause).anySatisfy(f -> {
        assertThat(f.rootCause()).isEqualTo(cause);
        assertThat(f.count()).isEqualTo(lines);
      });
    }
  }

  @Test
  void ambiguousTextsListSeveralCauses() {
    entries.stream().filter(e -> e.path("kind").asText().equals("ambiguous"))
        .forEach(e -> assertThat(ranked(e, true)).as(e.path("id").asText()).hasSizeGreaterThan(1));
  }
}
