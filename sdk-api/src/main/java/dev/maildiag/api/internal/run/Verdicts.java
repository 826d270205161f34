package dev.maildiag.api.internal.run;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import java.util.List;

/** The verdict of a list of findings: the worst severity, where SKIPPED and INFO count as OK. */
public final class Verdicts {
  private Verdicts() {}

  public static Verdict of(List<Finding> findings) {
    boolean warning = false;
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return Verdict.ERROR;
      }
      warning |= f.severity() == Severity.WARNING;
    }
    return warning ? Verdict.WARNING : Verdict.OK;
  }
}
