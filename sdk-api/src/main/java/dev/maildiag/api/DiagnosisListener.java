package dev.maildiag.api;

import dev.maildiag.api.spi.CheckInfo;
import java.util.List;

/** Hears about a diagnosis as it goes, e.g. to show progress. Called from the runner's threads. */
public interface DiagnosisListener {
  /**
   * A listener that does nothing.
   */
  DiagnosisListener NONE = new DiagnosisListener() {};

  /**
   * The checks that will run, in report order.
   *
   * @param checks the checks
   */
  default void started(List<CheckInfo> checks) {}

  /**
   * One check has finished (or was skipped).
   *
   * @param check the check
   * @param finding its finding, stamped
   */
  default void finished(CheckInfo check, Finding finding) {}
}
