package dev.maildiag.api.spi;

import java.util.List;

/**
 * Turns an observation into candidate root causes. Providers contribute interpreters that know their
 * servers' answers; the live probes and {@code maildiag explain} both ask them.
 */
@FunctionalInterface
public interface Interpreter {
  /**
   * The candidates this interpreter recognises in the observation, possibly none; never null.
   *
   * @param observation what was seen
   * @return the candidates, most likely first
   */
  List<Candidate> interpret(Observation observation);
}
