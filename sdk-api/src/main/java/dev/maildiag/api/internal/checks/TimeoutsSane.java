package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.time.Duration;

/** Timeouts are long enough for a real server and short enough that a silent one is noticed. */
public final class TimeoutsSane implements Check {
  public static final String ID = "config.timeouts";
  static final Duration SHORTEST = Duration.ofMillis(100);
  static final Duration LONGEST_STEP = Duration.ofMinutes(5);

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Timeouts are sane").finds(RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public Finding run(CheckContext ctx) {
    Timeouts t = ctx.timeouts();
    if (t.connect().compareTo(SHORTEST) < 0 || t.read().compareTo(SHORTEST) < 0) {
      return Finding.error("A connect or read timeout below " + Durations.format(SHORTEST) + " fails even healthy servers")
          .rootCause(RootCause.INVALID_CONFIGURATION, 1.0)
          .step("Set the connect and read timeouts to at least a few seconds, e.g. 10 seconds.")
          .evidence("connect", Durations.format(t.connect())).evidence("read", Durations.format(t.read()))
          .build();
    }
    if (t.deadline().compareTo(t.check()) < 0) {
      return Finding.warning("The overall deadline is shorter than one check's limit")
          .rootCause(RootCause.INVALID_CONFIGURATION, 0.6)
          .step("Set the deadline to several times the per-check time limit.")
          .evidence("check", Durations.format(t.check())).evidence("deadline", Durations.format(t.deadline()))
          .build();
    }
    if (t.connect().compareTo(LONGEST_STEP) > 0 || t.read().compareTo(LONGEST_STEP) > 0) {
      return Finding.warning("Timeouts over " + Durations.format(LONGEST_STEP) + " make a silent server look like a hang")
          .step("Set the connect and read timeouts to 10 to 60 seconds.")
          .evidence("connect", Durations.format(t.connect())).evidence("read", Durations.format(t.read()))
          .build();
    }
    return Finding.ok("Timeouts: connect " + Durations.format(t.connect()) + ", read " + Durations.format(t.read())
        + ", deadline " + Durations.format(t.deadline())).build();
  }
}
