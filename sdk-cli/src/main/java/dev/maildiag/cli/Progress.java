package dev.maildiag.cli;

import dev.maildiag.api.DiagnosisListener;
import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.report.TerminalText;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.spi.CheckInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prints one line on stderr as each check finishes. Lines wait while a setting is still being read that may yet turn
 * the command into a usage error (a trust store named with -D): they are printed once it has been read, and never
 * when it could not be.
 */
final class Progress implements DiagnosisListener {
  private final PrintWriter err;
  private final CompletableFuture<?> settingsRead;
  private final List<String> held = new ArrayList<>();
  private int done;
  private volatile int total;

  Progress(PrintWriter err, CompletableFuture<?> settingsRead) {
    this.err = err;
    this.settingsRead = settingsRead;
  }

  @Override
  public void started(List<CheckInfo> checks) {
    total = checks.size();
  }

  @Override
  public synchronized void finished(CheckInfo check, Finding finding) {
    // never [13/12]: a check heard of twice (or one not announced) does not count beyond the total
    int n = Math.min(++done, Math.max(total, 1));
    held.add("[" + n + "/" + total + "] " + TextReport.mark(finding.severity()) + " " + TerminalText.line(check.id())
        + ": " + TerminalText.line(finding.summary()) + " (" + Durations.format(finding.duration()) + ")");
    flush();
  }

  /** Prints the lines held back, if they may be printed by now. */
  synchronized void flush() {
    if (!settingsRead.isDone()) {
      return;
    }
    if (!settingsRead.isCompletedExceptionally()) {
      held.forEach(err::println);
      err.flush();
    }
    held.clear();
  }
}
