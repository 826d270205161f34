package dev.maildiag.api.internal.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a log scan found: the findings, most frequent first, and how much was read.
 *
 * @param lines lines read
 * @param bytes bytes read (uncompressed)
 * @param findings one per root cause
 * @param perHour lines per hour and root cause, in log order: the hour is the time stamp up to its hour
 *     ({@code 2026-11-30 17}, {@code Oct 12 08}); lines without a time stamp are not counted here
 */
public record LogReport(long lines, long bytes, List<LogFinding> findings, Map<String, Map<String, Long>> perHour) {
  public LogReport {
    findings = List.copyOf(findings);
    Map<String, Map<String, Long>> hours = new LinkedHashMap<>();
    perHour.forEach((hour, counts) -> hours.put(hour, Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    perHour = Collections.unmodifiableMap(hours);
  }
}
