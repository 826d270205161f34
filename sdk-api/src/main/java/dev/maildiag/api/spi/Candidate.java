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
  public Candidate {
    Objects.requireNonNull(rootCause, "rootCause");
    Objects.requireNonNull(reason, "reason");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
    }
  }
}
