package dev.maildiag.api.internal.run;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of a list of findings: the worst severity, where SKIPPED and INFO count as OK, and never OK
 * when no check ran.
 */
public final class Verdicts {
  /** The check id of the finding a diagnosis gets when none of its checks ran. Public API. */
  public static final String NOTHING_CHECKED = "diagnosis.nothing-checked";

  private Verdicts() {}

  public static Verdict of(List<Finding> findings) {
    if (nothingRan(findings)) {
      return Verdict.WARNING;
    }
    boolean warning = false;
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return Verdict.ERROR;
      }
      warning |= f.severity() == Severity.WARNING;
    }
    return warning ? Verdict.WARNING : Verdict.OK;
  }

  /**
   * The findings, with a WARNING added when no check ran (none applied, all were excluded or skipped):
   * a diagnosis that looked at nothing must not read as a healthy configuration.
   */
  public static List<Finding> withNothingChecked(List<Finding> findings) {
    if (!nothingRan(findings)) {
      return findings;
    }
    List<Finding> all = new ArrayList<>(findings);
    all.add(Finding.warning(findings.isEmpty() ? "No check ran: nothing was diagnosed"
            : "Every check was skipped: nothing was diagnosed")
        .detail(findings.isEmpty()
            ? "No check applies to this context with the runner's providers, stages and exclusions, so the "
                + "configuration was not looked at. Set the mail server and OAuth settings, or register the "
                + "provider for this mail service."
            : "No check produced a result, so the configuration was not looked at; the skipped checks say why.")
        .build().stamped(NOTHING_CHECKED, java.time.Duration.ZERO));
    return all;
  }

  private static boolean nothingRan(List<Finding> findings) {
    return findings.stream().allMatch(f -> f.severity() == Severity.SKIPPED);
  }
}
