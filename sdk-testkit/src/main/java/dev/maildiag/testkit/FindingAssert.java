package dev.maildiag.testkit;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.Candidate;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on one {@link Finding}, e.g. from a {@link CheckTester}; failures print the whole finding.
 *
 * <pre>{@code
 * FindingAssert.assertThat(finding).hasSeverity(Severity.ERROR).hasRootCause("scopes").hasEvidence("scp");
 * }</pre>
 */
public final class FindingAssert extends AbstractAssert<FindingAssert, Finding> {
  private FindingAssert(Finding actual) {
    super(actual, FindingAssert.class);
  }

  /**
   * Starts assertions on a finding.
   *
   * @param finding the finding
   * @return the assertions
   */
  public static FindingAssert assertThat(Finding finding) {
    return new FindingAssert(finding);
  }

  /**
   * The finding has this severity.
   *
   * @param severity the expected severity
   * @return this
   */
  public FindingAssert hasSeverity(Severity severity) {
    isNotNull();
    if (actual.severity() != severity) {
      failWithMessage("Expected severity <%s> but was <%s>%n%s", severity, actual.severity(), describe());
    }
    return this;
  }

  /**
   * The finding names this root cause as the most likely one.
   *
   * @param rootCauseId the expected root-cause id
   * @return this
   */
  public FindingAssert hasRootCause(String rootCauseId) {
    isNotNull();
    if (!rootCauseId.equals(actual.rootCause())) {
      failWithMessage("Expected root cause <%s> but was <%s>%n%s", rootCauseId, actual.rootCause(), describe());
    }
    return this;
  }

  /**
   * The finding names no root cause.
   *
   * @return this
   */
  public FindingAssert hasNoRootCause() {
    isNotNull();
    if (actual.rootCause() != null) {
      failWithMessage("Expected no root cause but was <%s>%n%s", actual.rootCause(), describe());
    }
    return this;
  }

  /**
   * The finding names this root cause as the most likely one or as an alternative.
   *
   * @param rootCauseId the expected root-cause id
   * @return this
   */
  public FindingAssert hasCandidate(String rootCauseId) {
    isNotNull();
    if (actual.candidates().stream().map(Candidate::rootCause).noneMatch(rootCauseId::equals)) {
      failWithMessage("Expected <%s> among the candidates %s%n%s", rootCauseId,
          actual.candidates().stream().map(Candidate::rootCause).toList(), describe());
    }
    return this;
  }

  /**
   * The finding has evidence of this name.
   *
   * @param name the evidence's name
   * @return this
   */
  public FindingAssert hasEvidence(String name) {
    isNotNull();
    if (!actual.evidence().containsKey(name)) {
      failWithMessage("Expected evidence <%s> but the evidence was %s%n%s", name, actual.evidence().keySet(), describe());
    }
    return this;
  }

  /**
   * The finding has evidence of this name containing this text.
   *
   * @param name the evidence's name
   * @param text text the evidence contains
   * @return this
   */
  public FindingAssert hasEvidence(String name, String text) {
    hasEvidence(name);
    if (!actual.evidence().get(name).contains(text)) {
      failWithMessage("Expected evidence <%s> to contain <%s> but was <%s>%n%s", name, text, actual.evidence().get(name), describe());
    }
    return this;
  }

  /**
   * The summary contains this text.
   *
   * @param text the expected part of the summary
   * @return this
   */
  public FindingAssert hasSummaryContaining(String text) {
    isNotNull();
    if (!actual.summary().contains(text)) {
      failWithMessage("Expected the summary to contain <%s>%n%s", text, describe());
    }
    return this;
  }

  private String describe() {
    return actual.checkId() + ": " + actual.severity() + " " + actual.summary()
        + (actual.detail().isEmpty() ? "" : "\n  detail: " + actual.detail())
        + "\n  root cause: " + actual.rootCause() + " (" + actual.confidence() + "), alternatives: " + actual.alternatives()
        + "\n  evidence: " + actual.evidence()
        + "\n  remediation: " + actual.remediation().steps();
  }
}
