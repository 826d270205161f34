package dev.maildiag.testkit.junit5;

import dev.maildiag.api.Protocol;

/** Starts the simulation a {@link SimulatedMicrosoft365} annotation describes. */
public final class SimulatedMicrosoft365Extension
    extends SimulationExtension<SimulatedMicrosoft365, dev.maildiag.testkit.microsoft.Microsoft365Simulation> {
  /**
   * Created by JUnit for {@link SimulatedMicrosoft365}.
   */
  public SimulatedMicrosoft365Extension() {
    super(SimulatedMicrosoft365.class, dev.maildiag.testkit.microsoft.Microsoft365Simulation.class);
  }

  @Override
  protected dev.maildiag.testkit.microsoft.Microsoft365Simulation start(SimulatedMicrosoft365 settings) {
    return dev.maildiag.testkit.microsoft.Microsoft365Simulation.failing(settings.failure())
        .cloud(settings.cloud())
        .protocol(Protocol.parse(settings.protocol()))
        .start();
  }
}
