package dev.maildiag.testkit;

/**
 * One simulated situation: a provider in one failure mode (named by its root-cause id) or healthy.
 * {@code maildiag demo} runs every scenario; tests start one to diagnose a product against it.
 */
public interface Scenario {
  /** The failure mode of a scenario where nothing is wrong. */
  String HEALTHY = "healthy";

  /**
   * {@code microsoft}, {@code google}, or {@code offline} for configuration-only samples.
   *
   * @return the provider id
   */
  String provider();

  /**
   * The root-cause id this scenario reproduces, or {@link #HEALTHY}.
   *
   * @return the failure mode
   */
  String failureMode();

  /**
   * One line saying what is simulated.
   *
   * @return the description
   */
  String description();

  /**
   * The interactive sign-in the scenario starts with, as on the command line ({@code device}, {@code browser},
   * {@code paste}); empty when the handler's stored tokens are used.
   *
   * @return the sign-in flow, if any
   */
  default java.util.Optional<String> signIn() {
    return java.util.Optional.empty();
  }

  /**
   * Starts the simulated servers on loopback; close the result to stop them.
   *
   * @return the running simulation
   * @throws Exception when a server cannot start
   */
  Simulation start() throws Exception;
}
