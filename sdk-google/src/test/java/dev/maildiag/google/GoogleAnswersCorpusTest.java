package dev.maildiag.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Gmail and Google texts from public sources (a slice of the project corpus, labelled by root cause):
 * a distinctive text must rank an accepted root cause first, an ambiguous one among the first three.
 */
class GoogleAnswersCorpusTest {
  private static final Explainer GOOGLE = Explainer.of(new GoogleDiagnostics().interpreters());

  static Stream<Arguments> corpus() throws IOException {
    try (InputStream in = GoogleAnswersCorpusTest.class.getResourceAsStream("/google-answers.json")) {
      List<Arguments> all = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(in)) {
        all.add(Arguments.of(n.get("id").asText(), n));
      }
      return all.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void ranksTheLabelledRootCause(String id, JsonNode entry) {
    Stage stage = entry.get("stage").asText().startsWith("token") || entry.get("stage").asText().startsWith("authorize")
        ? Stage.OAUTH : Stage.PROTOCOL;
    Protocol protocol = switch (entry.get("protocol").asText()) {
      case "imap" -> Protocol.IMAP;
      case "pop3" -> Protocol.POP3;
      case "smtp" -> Protocol.SMTP;
      default -> null;
    };
    Observation o = new Observation(entry.get("text").asText(), stage, protocol, "google", null, null);
    List<String> ranked = GOOGLE.explain(o).stream().map(Candidate::rootCause).toList();
    List<String> accepted = new ArrayList<>();
    entry.get("accept").forEach(a -> accepted.add(a.asText()));
    boolean distinctive = entry.get("kind").asText().equals("distinctive");
    List<String> considered = ranked.subList(0, Math.min(distinctive ? 1 : 3, ranked.size()));
    assertThat(considered).as("%s ranked %s for: %s", id, ranked, entry.get("text").asText()).containsAnyElementsOf(accepted);
  }
}
