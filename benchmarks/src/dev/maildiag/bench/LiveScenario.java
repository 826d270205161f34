package dev.maildiag.bench;

import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import java.util.Optional;

/** The healthy simulated mailbox the live figures run against: Microsoft first, else Google. */
final class LiveScenario {
  static Optional<Scenario> healthy() {
    return Scenarios.find("microsoft", Scenario.HEALTHY).or(() -> Scenarios.find("google", Scenario.HEALTHY));
  }

  private LiveScenario() {}
}
