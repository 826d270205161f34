package dev.maildiag.api;

import dev.maildiag.api.spi.Candidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one check. Immutable. Checks build one with {@link #ok}, {@link #info}, {@link #warning},
 * {@link #error} or {@link #skipped}; the runner stamps the check id and duration.
 *
 * @param checkId the id of the check that produced it
 * @param severity how bad it is
 * @param rootCause the most likely root-cause id, or null
 * @param confidence how sure the check is of {@code rootCause} (0 to 1); 0 without a root cause
 * @param alternatives other candidate root causes, most likely first
 * @param summary one line
 * @param detail more text, possibly empty
 * @param remediation what to do, possibly empty
 * @param evidence named strings that back the finding: server answers, error codes, claims; never secrets
 * @param duration how long the check took
 */
public record Finding(
    String checkId,
    Severity severity,
    String rootCause,
    double confidence,
    List<Candidate> alternatives,
    String summary,
    String detail,
    Remediation remediation,
    Map<String, String> evidence,
    Duration duration) {

  /**
   * A finding; checks build one with the static factories instead.
   *
   * @param checkId see the record
   * @param severity see the record
   * @param rootCause see the record
   * @param confidence see the record
   * @param alternatives see the record
   * @param summary see the record
   * @param detail see the record; null means empty
   * @param remediation see the record; null means none
   * @param evidence see the record
   * @param duration see the record; null means zero
   */
  public Finding {
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    detail = detail == null ? "" : detail;
    remediation = remediation == null ? Remediation.NONE : remediation;
    alternatives = List.copyOf(alternatives);
    evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    duration = duration == null ? Duration.ZERO : duration;
  }

  /**
   * A finding that nothing is wrong at this step.
   *
   * @param summary one line saying what was found fine
   * @return a builder
   */
  public static Builder ok(String summary) {
    return new Builder(Severity.OK, summary);
  }

  /**
   * A finding worth knowing that is no problem.
   *
   * @param summary one line
   * @return a builder
   */
  public static Builder info(String summary) {
    return new Builder(Severity.INFO, summary);
  }

  /**
   * A finding that may be a problem, or will become one.
   *
   * @param summary one line naming the problem
   * @return a builder
   */
  public static Builder warning(String summary) {
    return new Builder(Severity.WARNING, summary);
  }

  /**
   * A finding that is a problem: the handler fails because of it.
   *
   * @param summary one line naming the problem
   * @return a builder
   */
  public static Builder error(String summary) {
    return new Builder(Severity.ERROR, summary);
  }

  /**
   * A finding that the check did not run.
   *
   * @param reason why not, e.g. which prerequisite failed
   * @return a builder
   */
  public static Builder skipped(String reason) {
    return new Builder(Severity.SKIPPED, reason);
  }

  /**
   * All candidate root causes of this finding, the primary one first.
   *
   * @return the root cause (if any) and the alternatives, most likely first
   */
  public List<Candidate> candidates() {
    List<Candidate> all = new ArrayList<>();
    if (rootCause != null) {
      all.add(new Candidate(rootCause, confidence, summary));
    }
    all.addAll(alternatives);
    return all;
  }

  /**
   * This finding as produced by {@code checkId} in {@code took}.
   *
   * @param newCheckId the check's id
   * @param took how long the check took
   * @return the stamped finding
   */
  public Finding stamped(String newCheckId, Duration took) {
    return new Finding(newCheckId, severity, rootCause, confidence, alternatives, summary, detail, remediation, evidence, took);
  }

  /**
   * This finding with a remediation, used when the check gave none.
   *
   * @param newRemediation the remediation
   * @return the finding with it
   */
  public Finding withRemediation(Remediation newRemediation) {
    return new Finding(checkId, severity, rootCause, confidence, alternatives, summary, detail, newRemediation, evidence, duration);
  }

  /** Builds a {@link Finding}. */
  public static final class Builder {
    private final Severity severity;
    private final String summary;
    private String rootCause;
    private double confidence;
    private final List<Candidate> alternatives = new ArrayList<>();
    private String detail = "";
    private final List<String> steps = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final Map<String, String> evidence = new LinkedHashMap<>();

    private Builder(Severity severity, String summary) {
      this.severity = Objects.requireNonNull(severity);
      this.summary = Objects.requireNonNull(summary);
    }

    /**
     * The root cause, with full confidence for errors and a lesser one otherwise.
     *
     * @param id a root-cause id
     * @return this builder
     */
    public Builder rootCause(String id) {
      return rootCause(id, severity == Severity.ERROR ? 0.95 : 0.6);
    }

    /**
     * The root cause and how sure the check is of it.
     *
     * @param id a root-cause id
     * @param confidence 0 to 1
     * @return this builder
     */
    public Builder rootCause(String id, double confidence) {
      this.rootCause = Objects.requireNonNull(id);
      this.confidence = confidence;
      return this;
    }

    /**
     * Sets the root cause from ranked candidates: the first becomes the root cause, the rest alternatives.
     * An empty list leaves the root cause unset.
     *
     * @param ranked candidates, most likely first, e.g. from {@link dev.maildiag.api.spi.CheckContext#interpret}
     * @return this builder
     */
    public Builder candidates(List<Candidate> ranked) {
      if (!ranked.isEmpty()) {
        rootCause(ranked.get(0).rootCause(), ranked.get(0).confidence());
        alternatives.clear();
        alternatives.addAll(ranked.subList(1, ranked.size()));
      }
      return this;
    }

    /**
     * Another root cause that would explain what the check saw.
     *
     * @param id a root-cause id
     * @param confidence 0 to 1
     * @param reason why it is a candidate
     * @return this builder
     */
    public Builder alternative(String id, double confidence, String reason) {
      alternatives.add(new Candidate(id, confidence, reason));
      return this;
    }

    /**
     * More text: what was seen and what it means.
     *
     * @param detail the text; null means none
     * @return this builder
     */
    public Builder detail(String detail) {
      this.detail = detail == null ? "" : detail;
      return this;
    }

    /**
     * Adds one remediation step, in order.
     *
     * @param step what to do, in the user's words
     * @return this builder
     */
    public Builder step(String step) {
      steps.add(step);
      return this;
    }

    /**
     * Adds remediation steps, in order.
     *
     * @param more the steps
     * @return this builder
     */
    public Builder steps(List<String> more) {
      steps.addAll(more);
      return this;
    }

    /**
     * Adds a documentation link to the remediation.
     *
     * @param url the link
     * @return this builder
     */
    public Builder link(String url) {
      links.add(url);
      return this;
    }

    /**
     * Adds a remediation's steps and links.
     *
     * @param remediation the remediation
     * @return this builder
     */
    public Builder remediation(Remediation remediation) {
      steps.addAll(remediation.steps());
      links.addAll(remediation.links());
      return this;
    }

    /**
     * Adds evidence. Null values are left out; never pass a secret's revealed text.
     *
     * @param name what it is, e.g. {@code serverAnswer}
     * @param value its value, shown as text
     * @return this builder
     */
    public Builder evidence(String name, Object value) {
      if (value != null) {
        evidence.put(name, String.valueOf(value));
      }
      return this;
    }

    /**
     * Builds the finding; the runner stamps the check id and duration.
     *
     * @return the finding
     */
    public Finding build() {
      return new Finding("unstamped", severity, rootCause, rootCause == null ? 0 : confidence, alternatives, summary,
          detail, new Remediation(steps, links), evidence, Duration.ZERO);
    }
  }
}
