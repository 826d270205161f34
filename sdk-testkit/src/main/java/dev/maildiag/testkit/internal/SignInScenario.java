package dev.maildiag.testkit.internal;

import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Simulation;
import java.util.Optional;
import java.util.function.Supplier;

/** A scenario that signs in first with a flow: one of the sign-in failure modes of a provider. Not API: may change. */
public record SignInScenario(String provider, String failureMode, SignIn.Flow flow, String what, Supplier<Simulation> starter)
    implements Scenario {
  @Override
  public String description() {
    return "Sign-in (" + flow.label() + "): " + what;
  }

  @Override
  public Optional<String> signIn() {
    return Optional.of(flow.label());
  }

  @Override
  public Simulation start() {
    return starter.get();
  }

  @Override
  public String toString() {
    return provider + "/sign-in/" + failureMode;
  }
}
