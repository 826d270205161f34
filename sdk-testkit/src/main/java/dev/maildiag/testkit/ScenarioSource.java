package dev.maildiag.testkit;

import java.util.List;

/** Contributes scenarios; found with {@link java.util.ServiceLoader}. */
public interface ScenarioSource {
  /**
   * The scenarios this source contributes.
   *
   * @return the scenarios, in any order
   */
  List<Scenario> scenarios();
}
