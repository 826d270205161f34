package dev.maildiag.testkit;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;

/** A running simulated environment: servers on loopback and a context that points at them. */
public interface Simulation extends AutoCloseable {
  /** A context that a mail handler configured against this simulation would have. */
  DiagnosticContext context();

  /** The runner to diagnose this simulation with; by default every provider on the class path. */
  default Maildiag maildiag() {
    return Maildiag.create();
  }

  /** Stops the simulated servers. */
  @Override
  void close();
}
