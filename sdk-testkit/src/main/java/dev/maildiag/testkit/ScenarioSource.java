package dev.maildiag.testkit;

import java.util.List;

/** Contributes scenarios; found with {@link java.util.ServiceLoader}. */
public interface ScenarioSource {
  List<Scenario> scenarios();
}
