package dev.maildiag.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every scenario on the class path, in a stable order: by provider, healthy first, then by failure mode. */
public final class Scenarios {
  private Scenarios() {}

  /**
   * Every scenario of every {@link ScenarioSource} on the class path.
   *
   * @return the scenarios, sorted
   */
  public static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    for (ScenarioSource source : ServiceLoader.load(ScenarioSource.class)) {
      all.addAll(source.scenarios());
    }
    all.sort((a, b) -> {
      int byProvider = a.provider().compareTo(b.provider());
      if (byProvider != 0) {
        return byProvider;
      }
      boolean aHealthy = a.failureMode().equals(Scenario.HEALTHY);
      boolean bHealthy = b.failureMode().equals(Scenario.HEALTHY);
      if (aHealthy != bHealthy) {
        return aHealthy ? -1 : 1;
      }
      return a.failureMode().compareTo(b.failureMode());
    });
    return all;
  }

  /**
   * The scenarios of one provider.
   *
   * @param provider e.g. {@code microsoft}
   * @return its scenarios, healthy first
   */
  public static List<Scenario> of(String provider) {
    return all().stream().filter(s -> s.provider().equals(provider)).toList();
  }

  /**
   * One scenario.
   *
   * @param provider e.g. {@code google}
   * @param failureMode a root-cause id or {@code healthy}
   * @return the scenario, or empty when there is none
   */
  public static Optional<Scenario> find(String provider, String failureMode) {
    return all().stream().filter(s -> s.provider().equals(provider) && s.failureMode().equals(failureMode)).findFirst();
  }
}
