package dev.maildiag.api;

import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a diagnosis: a verdict, every check's finding in check order, and the root causes
 * ranked from most to least likely.
 *
 * @param verdict worst severity among the findings
 * @param findings one per check that ran or was skipped
 * @param rootCauses ranked, most likely first
 * @param subject a secret-free description of what was diagnosed
 * @param startedAt when the diagnosis started
 * @param duration how long it took
 */
public record Report(Verdict verdict, List<Finding> findings, List<RankedRootCause> rootCauses, Map<String, String> subject,
    Instant startedAt, Duration duration) {
  /** Version of the JSON form; see {@code docs/report.schema.json}. */
  public static final String SCHEMA_VERSION = "1";

  /**
   * A report; the runner makes it.
   *
   * @param verdict see the record
   * @param findings see the record
   * @param rootCauses see the record
   * @param subject see the record
   * @param startedAt see the record
   * @param duration see the record
   */
  public Report {
    findings = List.copyOf(findings);
    rootCauses = List.copyOf(rootCauses);
    subject = Map.copyOf(subject);
  }

  /**
   * The most likely root cause, if any finding named one.
   *
   * @return the most likely root cause, or empty
   */
  public Optional<RankedRootCause> topRootCause() {
    return rootCauses.isEmpty() ? Optional.empty() : Optional.of(rootCauses.get(0));
  }

  /**
   * The report as indented JSON, schema version {@value #SCHEMA_VERSION} ({@code docs/report.schema.json}); its
   * field names are public API. Each call writes a new text: there is no shared writer to configure.
   *
   * @return the JSON text
   */
  public String toJson() {
    return ReportJson.write(this);
  }

  /**
   * The report as plain text for people: one line per check, then the ranked causes and their fixes.
   *
   * @return the text
   */
  public String toText() {
    return TextReport.write(this);
  }

  /**
   * The finding of a check, if it ran.
   *
   * @param checkId e.g. {@code network.tcp}
   * @return its finding, or empty when the check was not part of the diagnosis
   */
  public Optional<Finding> finding(String checkId) {
    return findings.stream().filter(f -> f.checkId().equals(checkId)).findFirst();
  }

  /**
   * Findings with the given severity.
   *
   * @param severity the severity
   * @return those findings, in check order
   */
  public List<Finding> findings(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }
}
