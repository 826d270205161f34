package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.Candidate;
import java.util.List;

/**
 * The lines of a log that point to one root cause.
 *
 * @param rootCause the root cause these lines rank first
 * @param candidates what the first such line was explained as, most likely first (shows the ambiguity)
 * @param count how many lines
 * @param firstSeen the time stamp of the first line's log entry, or null when the log has none
 * @param lastSeen the time stamp of the last line's log entry, or null
 * @param firstLine line number (from 1) of the first line
 * @param lastLine line number of the last line
 * @param example the first line, with secrets redacted and cut to a readable length
 */
public record LogFinding(String rootCause, List<Candidate> candidates, long count, String firstSeen, String lastSeen,
    long firstLine, long lastLine, String example) {
  public LogFinding {
    candidates = List.copyOf(candidates);
  }

  /** How sure the strongest line was of this root cause. */
  public double confidence() {
    return candidates.isEmpty() ? 0 : candidates.get(0).confidence();
  }
}
