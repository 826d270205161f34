package dev.maildiag.api.internal.explain;

import java.util.List;

/**
 * What a log scan found: the findings, most frequent first, and how much was read.
 *
 * @param lines lines read
 * @param bytes bytes read (uncompressed)
 * @param findings one per root cause
 */
public record LogReport(long lines, long bytes, List<LogFinding> findings) {
  public LogReport {
    findings = List.copyOf(findings);
  }
}
