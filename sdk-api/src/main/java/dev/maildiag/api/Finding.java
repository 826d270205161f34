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

  public static Builder ok(String summary) {
    return new Builder(Severity.OK, summary);
  }

  public static Builder info(String summary) {
    return new Builder(Severity.INFO, summary);
  }

  public static Builder warning(String summary) {
    return new Builder(Severity.WARNING, summary);
  }

  public static Builder error(String summary) {
    return new Builder(Severity.ERROR, summary);
  }

  public static Builder skipped(String reason) {
    return new Builder(Severity.SKIPPED, reason);
  }

  /** All candidate root causes of this finding, the primary one first. */
  public List<Candidate> candidates() {
    List<Candidate> all = new ArrayList<>();
    if (rootCause != null) {
      all.add(new Candidate(rootCause, confidence, summary));
    }
    all.addAll(alternatives);
    return all;
  }

  /** This finding as produced by {@code checkId} in {@code took}. */
  public Finding stamped(String newCheckId, Duration took) {
    return new Finding(newCheckId, severity, rootCause, confidence, alternatives, summary, detail, remediation, evidence, took);
  }

  /** This finding with a remediation, used when the check gave none. */
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

    /** The root cause, with full confidence for errors and a lesser one otherwise. */
    public Builder rootCause(String id) {
      return rootCause(id, severity == Severity.ERROR ? 0.95 : 0.6);
    }

    public Builder rootCause(String id, double confidence) {
      this.rootCause = Objects.requireNonNull(id);
      this.confidence = confidence;
      return this;
    }

    /**
     * Sets the root cause from ranked candidates: the first becomes the root cause, the rest alternatives.
     * An empty list leaves the root cause unset.
     */
    public Builder candidates(List<Candidate> ranked) {
      if (!ranked.isEmpty()) {
        rootCause(ranked.get(0).rootCause(), ranked.get(0).confidence());
        alternatives.clear();
        alternatives.addAll(ranked.subList(1, ranked.size()));
      }
      return this;
    }

    public Builder alternative(String id, double confidence, String reason) {
      alternatives.add(new Candidate(id, confidence, reason));
      return this;
    }

    public Builder detail(String detail) {
      this.detail = detail == null ? "" : detail;
      return this;
    }

    /** Adds one remediation step, in order. */
    public Builder step(String step) {
      steps.add(step);
      return this;
    }

    public Builder steps(List<String> more) {
      steps.addAll(more);
      return this;
    }

    public Builder link(String url) {
      links.add(url);
      return this;
    }

    public Builder remediation(Remediation remediation) {
      steps.addAll(remediation.steps());
      links.addAll(remediation.links());
      return this;
    }

    /** Adds evidence. Null values are left out; never pass a secret's revealed text. */
    public Builder evidence(String name, Object value) {
      if (value != null) {
        evidence.put(name, String.valueOf(value));
      }
      return this;
    }

    public Finding build() {
      return new Finding("unstamped", severity, rootCause, rootCause == null ? 0 : confidence, alternatives, summary,
          detail, new Remediation(steps, links), evidence, Duration.ZERO);
    }
  }
}
