package dev.maildiag.api.internal;

import java.time.Duration;

/** Formats durations the way reports show them. */
public final class Durations {
  private Durations() {}

  /** {@code 850 ms}, {@code 2.5 s}, {@code 2 min 5 s}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      long tenths = Math.round(ms / 100.0);
      return (ms % 1000 == 0 ? Long.toString(ms / 1000) : tenths / 10 + "." + tenths % 10) + " s";
    }
    long seconds = (ms % 60_000) / 1000;
    return (ms / 60_000) + " min" + (seconds == 0 ? "" : " " + seconds + " s");
  }
}
