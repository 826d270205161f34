package dev.maildiag.cli;

import dev.maildiag.api.DiagnosisListener;
import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.report.TerminalText;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.spi.CheckInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints one line on stderr as each check finishes. */
final class Progress implements DiagnosisListener {
  private final PrintWriter err;
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;

  Progress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(List<CheckInfo> checks) {
    total = checks.size();
  }

  @Override
  public synchronized void finished(CheckInfo check, Finding finding) {
    // never [13/12]: a check heard of twice (or one not announced) does not count beyond the total
    int n = Math.min(done.incrementAndGet(), Math.max(total, 1));
    err.println("[" + n + "/" + total + "] " + TextReport.mark(finding.severity()) + " " + TerminalText.line(check.id())
        + ": " + TerminalText.line(finding.summary()) + " (" + Durations.format(finding.duration()) + ")");
    err.flush();
  }
}
