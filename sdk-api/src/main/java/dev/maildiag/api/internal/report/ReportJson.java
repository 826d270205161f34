package dev.maildiag.api.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.spi.Candidate;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link Report}, schema version {@value Report#SCHEMA_VERSION}
 * ({@code docs/report.schema.json}). Field names are public API.
 */
public final class ReportJson {
  // never handed out: a caller that reconfigured a shared mapper would change every caller's JSON
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report as a new JSON tree, the caller's to change. */
  public static ObjectNode toTree(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    root.put("verdict", report.verdict().name());
    ObjectNode subject = root.putObject("subject");
    report.subject().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> subject.put(e.getKey(), e.getValue()));
    root.put("startedAt", report.startedAt().toString());
    root.put("durationMillis", report.duration().toMillis());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("checkId", f.checkId());
      n.put("severity", f.severity().name());
      if (f.rootCause() == null) {
        n.putNull("rootCause");
      } else {
        n.put("rootCause", f.rootCause());
      }
      n.put("confidence", f.confidence());
      ArrayNode alternatives = n.putArray("alternatives");
      for (Candidate c : f.alternatives()) {
        alternatives.addObject().put("rootCause", c.rootCause()).put("confidence", c.confidence()).put("reason", c.reason());
      }
      n.put("summary", f.summary());
      n.put("detail", f.detail());
      n.set("remediation", remediation(f.remediation()));
      ObjectNode evidence = n.putObject("evidence");
      f.evidence().forEach(evidence::put);
      n.put("durationMillis", f.duration().toMillis());
    }
    ArrayNode causes = root.putArray("rootCauses");
    for (RankedRootCause r : report.rootCauses()) {
      ObjectNode n = causes.addObject();
      n.put("id", r.id());
      n.put("confidence", r.confidence());
      n.put("title", r.title());
      strings(n.putArray("findings"), r.findings());
      n.set("remediation", remediation(r.remediation()));
    }
    return root;
  }

  /** The report as indented JSON text. */
  public static String write(Report report) {
    try {
      return MAPPER.writeValueAsString(toTree(report));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode remediation(Remediation r) {
    ObjectNode n = MAPPER.createObjectNode();
    strings(n.putArray("steps"), r.steps());
    strings(n.putArray("links"), r.links());
    return n;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
