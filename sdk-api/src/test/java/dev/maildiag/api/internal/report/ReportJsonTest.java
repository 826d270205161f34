package dev.maildiag.api.internal.report;

import dev.maildiag.api.FakeCheck;
import com.fasterxml.jackson.databind.JsonNode;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON report matches docs/report.schema.json, the published contract. */
class ReportJsonTest {
  private static final Path SCHEMA = Path.of("..", "docs", "report.schema.json");

  private static Report sampleReport() {
    Check check = new FakeCheck(CheckInfo.of("x.auth", Stage.OAUTH, "auth"), ctx -> Finding.error("AUTHENTICATE failed")
        .candidates(List.of(new Candidate("protocol-disabled", 0.6, "IMAP refused"), new Candidate("no-license", 0.3, "no mailbox")))
        .evidence("serverAnswer", "A1 NO AUTHENTICATE failed.").build());
    return FakeCheck.bareRunner().check(check).check(FakeCheck.ok("x.ok")).build()
        .diagnose(DiagnosticContext.builder().protocol(Protocol.IMAP).host("h.example").login("a@example.com")
            .network(NetworkSettings.direct()).timeout(Duration.ofSeconds(5)).build());
  }

  @Test
  void everyRequiredFieldOfTheSchemaIsWrittenWithItsType() throws Exception {
    JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(SCHEMA));
    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportJson.write(sampleReport()));

    assertThat(report.get("schemaVersion").asText()).isEqualTo(schema.at("/properties/schemaVersion/const").asText());
    assertRequired(schema, schema, report);
    assertThat(report.get("findings")).hasSize(2);
    for (JsonNode f : report.get("findings")) {
      assertRequired(schema, schema.at("/$defs/finding"), f);
      assertRequired(schema, schema.at("/$defs/remediation"), f.get("remediation"));
      assertThat(schema.at("/$defs/finding/properties/severity/enum").toString()).contains("\"" + f.get("severity").asText() + "\"");
    }
    assertThat(report.get("rootCauses")).hasSize(2);
    for (JsonNode r : report.get("rootCauses")) {
      assertRequired(schema, schema.at("/$defs/rankedRootCause"), r);
    }
    assertThat(report.at("/rootCauses/0/id").asText()).isEqualTo("protocol-disabled");
    assertThat(report.at("/findings/0/alternatives/0/rootCause").asText()).isEqualTo("no-license");
    assertThat(report.at("/findings/0/evidence/serverAnswer").asText()).isEqualTo("A1 NO AUTHENTICATE failed.");
  }

  private static void assertRequired(JsonNode schema, JsonNode def, JsonNode node) {
    List<String> missing = new ArrayList<>();
    for (JsonNode name : def.get("required")) {
      if (!node.has(name.asText())) {
        missing.add(name.asText());
      }
    }
    assertThat(missing).as("fields missing from %s", node).isEmpty();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      assertThat(def.get("properties").has(name)).as("field %s is not in the schema", name).isTrue();
    }
  }

  @Test
  void textReportMarksEachCheckAndListsCausesWithSteps() {
    String text = TextReport.write(sampleReport());
    assertThat(text).contains("[FAIL] x.auth").contains("[ OK ] x.ok").contains("Verdict: ERROR")
        .contains("1. protocol-disabled").contains("2. no-license")
        .contains("| serverAnswer: A1 NO AUTHENTICATE failed.");
  }
}
