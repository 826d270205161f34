package dev.maildiag.api;

/** How bad a finding is. SKIPPED means the check did not run, and says why. */
public enum Severity {
  OK,
  INFO,
  WARNING,
  ERROR,
  SKIPPED;

  /** True for the severities that make a prerequisite count as failed. */
  public boolean blocksDependents() {
    return this == ERROR || this == SKIPPED;
  }
}
