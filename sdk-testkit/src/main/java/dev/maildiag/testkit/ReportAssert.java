package dev.maildiag.testkit;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import dev.maildiag.api.internal.report.TextReport;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Report}; failures print the whole text report.
 *
 * <pre>{@code
 * assertThat(report).hasTopRootCause("protocol-disabled").hasFinding("network.tcp", Severity.OK);
 * }</pre>
 */
public final class ReportAssert extends AbstractAssert<ReportAssert, Report> {
  private ReportAssert(Report actual) {
    super(actual, ReportAssert.class);
  }

  /**
   * Starts assertions on a report.
   *
   * @param report the report
   * @return the assertions
   */
  public static ReportAssert assertThat(Report report) {
    return new ReportAssert(report);
  }

  /**
   * The most likely root cause is {@code id}.
   *
   * @param id the expected root-cause id
   * @return this
   */
  public ReportAssert hasTopRootCause(String id) {
    isNotNull();
    String top = actual.topRootCause().map(RankedRootCause::id).orElse(null);
    if (!id.equals(top)) {
      failWithMessage("Expected top root cause <%s> but was <%s>; ranked: %s%n%s", id, top, ranked(), TextReport.write(actual));
    }
    return this;
  }

  /**
   * {@code id} is among the ranked root causes.
   *
   * @param id the expected root-cause id
   * @return this
   */
  public ReportAssert hasRootCause(String id) {
    isNotNull();
    if (actual.rootCauses().stream().noneMatch(r -> r.id().equals(id))) {
      failWithMessage("Expected root cause <%s> among %s%n%s", id, ranked(), TextReport.write(actual));
    }
    return this;
  }

  /**
   * No root cause was named at all.
   *
   * @return this
   */
  public ReportAssert hasNoRootCause() {
    isNotNull();
    if (!actual.rootCauses().isEmpty()) {
      failWithMessage("Expected no root cause but found %s%n%s", ranked(), TextReport.write(actual));
    }
    return this;
  }

  /**
   * No finding is an ERROR.
   *
   * @return this
   */
  public ReportAssert hasNoErrors() {
    isNotNull();
    List<Finding> errors = actual.findings(Severity.ERROR);
    if (!errors.isEmpty()) {
      failWithMessage("Expected no ERROR finding but found %s%n%s",
          errors.stream().map(Finding::checkId).toList(), TextReport.write(actual));
    }
    return this;
  }

  /**
   * The report's verdict is {@code verdict}.
   *
   * @param verdict the expected verdict
   * @return this
   */
  public ReportAssert hasVerdict(Verdict verdict) {
    isNotNull();
    if (actual.verdict() != verdict) {
      failWithMessage("Expected verdict <%s> but was <%s>%n%s", verdict, actual.verdict(), TextReport.write(actual));
    }
    return this;
  }

  /**
   * The check {@code checkId} ran and has the given severity.
   *
   * @param checkId the check's id, e.g. {@code network.tcp}
   * @param severity the expected severity
   * @return this
   */
  public ReportAssert hasFinding(String checkId, Severity severity) {
    isNotNull();
    Optional<Finding> f = actual.finding(checkId);
    if (f.isEmpty()) {
      failWithMessage("Expected a finding of <%s> but the checks were %s", checkId,
          actual.findings().stream().map(Finding::checkId).toList());
    } else if (f.get().severity() != severity) {
      failWithMessage("Expected <%s> to be %s but was %s: %s%n%s", checkId, severity, f.get().severity(), f.get().summary(),
          TextReport.write(actual));
    }
    return this;
  }

  private List<String> ranked() {
    return actual.rootCauses().stream().map(r -> r.id() + "(" + r.confidence() + ")").toList();
  }
}
