package dev.maildiag.realpeers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maildiag.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One {@code maildiag check --format json} run in-process, as an administrator would type it, and what it said. */
record Diagnosis(int exitCode, JsonNode report, String stderr, double seconds, List<String> args) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Diagnosis run(List<String> args) {
    List<String> all = new ArrayList<>(List.of("check", "--format", "json", "-q"));
    all.addAll(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      JsonNode report = out.toString().isBlank() ? JSON.createObjectNode() : JSON.readTree(out.toString());
      return new Diagnosis(code, report, err.toString(), seconds, all);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON report: " + out + err, e);
    }
  }

  String verdict() {
    return report.path("verdict").asText("");
  }

  /** The most likely root cause, or "-" when none is named. */
  String topCause() {
    JsonNode causes = report.path("rootCauses");
    return causes.isArray() && causes.size() > 0 ? causes.get(0).path("id").asText() : "-";
  }

  JsonNode finding(String checkId) {
    for (JsonNode f : report.path("findings")) {
      if (checkId.equals(f.path("checkId").asText())) {
        return f;
      }
    }
    return JSON.createObjectNode();
  }

  /** The first finding that is not OK/INFO/SKIPPED: where the diagnosis stopped. */
  JsonNode firstProblem() {
    for (JsonNode f : report.path("findings")) {
      String s = f.path("severity").asText();
      if (s.equals("ERROR") || s.equals("WARNING")) {
        return f;
      }
    }
    return JSON.createObjectNode();
  }

  /** The server's own answer as maildiag quotes it (evidence), for the table. */
  String serverAnswer() {
    JsonNode f = firstProblem();
    for (String key : List.of("serverAnswer", "proxyAnswer", "greeting", "error", "twoLineAnswer")) {
      String v = f.path("evidence").path(key).asText("");
      if (!v.isBlank()) {
        return v;
      }
    }
    return f.path("summary").asText("");
  }

  /** The checks that did not pass, with their durations, for the build log. */
  String steps() {
    StringBuilder sb = new StringBuilder();
    for (JsonNode f : report.path("findings")) {
      String sev = f.path("severity").asText();
      if (!sev.equals("OK")) {
        sb.append("\n    ").append(f.path("checkId").asText()).append(' ').append(sev).append(' ')
            .append(f.path("rootCause").asText("-")).append(' ').append(f.path("durationMillis").asLong()).append(" ms: ")
            .append(f.path("summary").asText());
      }
    }
    return sb.toString();
  }

  /** Everything the report and progress said, for assertions on wording. */
  String text() {
    return report.toString() + "\n" + stderr;
  }
}
