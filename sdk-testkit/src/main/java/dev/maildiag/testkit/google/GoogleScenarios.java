package dev.maildiag.testkit.google;

import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.ScenarioSource;
import dev.maildiag.testkit.Simulation;
import java.util.List;

/** The simulated Google's failure modes and its healthy state, for {@code maildiag demo} and tests. */
public final class GoogleScenarios implements ScenarioSource {
  @Override
  public List<Scenario> scenarios() {
    return GoogleSimulation.FAILURES.entrySet().stream().map(e -> scenario(e.getKey(), e.getValue())).toList();
  }

  private static Scenario scenario(String failure, String description) {
    return new Scenario() {
      @Override public String provider() { return "google"; }
      @Override public String failureMode() { return failure; }
      @Override public String description() { return description; }
      @Override public Simulation start() { return GoogleSimulation.start(failure); }
    };
  }
}
