package dev.maildiag.testkit.microsoft;

import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.ScenarioSource;
import dev.maildiag.testkit.Simulation;
import java.util.ArrayList;
import java.util.List;

/** The simulated Microsoft 365 scenarios: {@code healthy} and one per failure mode, for {@code maildiag demo}. */
public final class MicrosoftScenarios implements ScenarioSource {
  @Override
  public List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    all.add(scenario(Scenario.HEALTHY, "A licensed worldwide mailbox read over IMAP with a delegated token"));
    Microsoft365Failures.all().forEach(f -> all.add(scenario(f.id(), f.description())));
    return all;
  }

  private static Scenario scenario(String failureMode, String description) {
    return new Scenario() {
      @Override public String provider() { return "microsoft"; }
      @Override public String failureMode() { return failureMode; }
      @Override public String description() { return description; }
      @Override public Simulation start() { return Microsoft365Simulation.failing(failureMode).start(); }
      @Override public String toString() { return "microsoft/" + failureMode; }
    };
  }
}
