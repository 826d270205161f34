package dev.maildiag.api.spi;

import java.util.Objects;

/**
 * One possible root cause for what was observed, with how likely it is (0 to 1) and why.
 *
 * @param rootCause a root-cause id
 * @param confidence between 0 and 1
 * @param reason one line saying which signal pointed here
 */
public record Candidate(String rootCause, double confidence, String reason) {
  /**
   * A candidate.
   *
   * @param rootCause see the record
   * @param confidence see the record
   * @param reason see the record
   * @throws IllegalArgumentException when the confidence is not between 0 and 1
   */
  public Candidate {
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(reason, "reason");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
    }
  }
}
