package dev.maildiag.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits: every network step has a connect and a read timeout, every check a limit of its own,
 * and the whole diagnosis a deadline.
 *
 * @param connect limit for opening one connection
 * @param read limit for one read (one server answer)
 * @param check limit for one check, however many steps it takes
 * @param deadline limit for the whole diagnosis
 */
public record Timeouts(Duration connect, Duration read, Duration check, Duration deadline) {
  public static final Timeouts DEFAULT = ofStep(Duration.ofSeconds(10));

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * Timeouts derived from one step timeout: a check may take a quarter more than one step, so a server
   * that trickles bytes slowly still gets a finding soon after the step timeout.
   */
  public static Timeouts ofStep(Duration step) {
    Duration check = step.plus(step.dividedBy(4));
    return new Timeouts(step, step, check, maxOf(Duration.ofSeconds(60), step.multipliedBy(8)));
  }

  public Timeouts withDeadline(Duration newDeadline) {
    return new Timeouts(connect, read, check, newDeadline);
  }

  private static Duration maxOf(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
