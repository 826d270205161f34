package dev.maildiag.api.internal.report;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.Durations;
import java.util.List;
import java.util.Map;

/** A report as plain text that reads like a doctor's report: one line per check, then causes and fixes. */
public final class TextReport {
  private TextReport() {}

  /** The mark shown before a finding of this severity. */
  public static String mark(Severity severity) {
    switch (severity) {
      case OK: return "[ OK ]";
      case INFO: return "[INFO]";
      case WARNING: return "[WARN]";
      case ERROR: return "[FAIL]";
      default: return "[SKIP]";
    }
  }

  public static String write(Report report) {
    StringBuilder out = new StringBuilder();
    out.append("maildiag report");
    // every text may come from a server or the user: escaped, so that no escape sequence or line break reaches
    // the terminal raw (TerminalText)
    Map<String, String> s = new java.util.LinkedHashMap<>();
    report.subject().forEach((k, v) -> s.put(k, TerminalText.line(v)));
    if (s.containsKey("host")) {
      out.append(" for ").append(s.getOrDefault("protocol", "?")).append("://").append(s.get("host"));
      if (s.containsKey("port")) {
        out.append(':').append(s.get("port"));
      }
      if (s.containsKey("security")) {
        out.append(" (").append(s.get("security")).append(')');
      }
      if (s.containsKey("login")) {
        out.append(" as ").append(s.get("login"));
      }
    }
    out.append('\n').append('\n');
    int width = report.findings().stream().mapToInt(f -> f.checkId().length()).max().orElse(10);
    for (Finding f : report.findings()) {
      out.append(mark(f.severity())).append(' ')
          .append(f.checkId()).append(" ".repeat(Math.max(0, width - f.checkId().length()))).append("  ")
          .append(TerminalText.line(f.summary()));
      if (f.rootCause() != null && f.severity() != Severity.OK) {
        out.append("  -> ").append(f.rootCause());
      }
      out.append('\n');
      if (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) {
        if (!f.detail().isEmpty()) {
          indent(out, TerminalText.block(f.detail()), "         ");
        }
        f.evidence().forEach((k, v) -> indent(out, TerminalText.line(k) + ": " + TerminalText.block(v), "         | "));
      }
    }
    out.append('\n').append("Verdict: ").append(report.verdict()).append(" (")
        .append(Durations.format(report.duration())).append(")\n");
    List<RankedRootCause> causes = report.rootCauses();
    if (!causes.isEmpty()) {
      out.append('\n').append("Likely causes, most likely first:\n");
      int i = 1;
      for (RankedRootCause c : causes) {
        out.append(i < 10 ? " " : "").append(i++).append(". ").append(c.id()).append(" (")
            .append(Math.round(c.confidence() * 100)).append("%): ").append(TerminalText.line(c.title())).append('\n');
        int step = 1;
        for (String st : c.remediation().steps()) {
          indent(out, step++ + ". " + TerminalText.block(st), "      ");
        }
        for (String link : c.remediation().links()) {
          out.append("      See ").append(TerminalText.line(link)).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void indent(StringBuilder out, String text, String prefix) {
    for (String line : text.split("\n")) {
      out.append(prefix).append(line).append('\n');
    }
  }
}
