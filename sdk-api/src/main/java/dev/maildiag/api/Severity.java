package dev.maildiag.api;

/** How bad a finding is. SKIPPED means the check did not run, and says why. */
public enum Severity {
  /**
   * The step works.
   */
  OK,
  /**
   * Worth knowing; no problem.
   */
  INFO,
  /**
   * May be a problem, or will become one.
   */
  WARNING,
  /**
   * A problem: the handler fails because of it.
   */
  ERROR,
  /**
   * The check did not run; its summary says why.
   */
  SKIPPED;

  /**
   * True for the severities that make a prerequisite count as failed.
   *
   * @return whether checks requiring this one are skipped
   */
  public boolean blocksDependents() {
    return this == ERROR || this == SKIPPED;
  }
}
