package dev.maildiag.testkit.junit5;

import dev.maildiag.api.Protocol;
import dev.maildiag.testkit.google.GoogleSimulation;

/** Starts the simulation a {@link SimulatedGoogle} annotation describes. */
public final class SimulatedGoogleExtension extends SimulationExtension<SimulatedGoogle, GoogleSimulation> {
  /**
   * Created by JUnit for {@link SimulatedGoogle}.
   */
  public SimulatedGoogleExtension() {
    super(SimulatedGoogle.class, GoogleSimulation.class);
  }

  @Override
  protected GoogleSimulation start(SimulatedGoogle settings) {
    return GoogleSimulation.start(settings.failure(), Protocol.parse(settings.protocol()));
  }
}
