package dev.maildiag.api;

/** The overall result of a diagnosis: the worst severity among its findings. */
public enum Verdict {
  /**
   * No finding is a warning or an error.
   */
  OK,
  /**
   * At least one warning, no error.
   */
  WARNING,
  /**
   * At least one error.
   */
  ERROR
}
