package dev.maildiag.cli;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.report.MarkdownReport;
import dev.maildiag.api.spi.Candidate;
import java.util.List;
import java.util.Map;
import static dev.maildiag.api.internal.report.MarkdownReport.md;

/** Explain's results as GitHub-flavoured Markdown; a log's causes per hour as a table. */
final class ExplainMarkdown {
  private ExplainMarkdown() {}

  static String write(ExplainDocument doc, String generator) {
    StringBuilder out = new StringBuilder("## ").append(md(doc.title())).append("\n\n");
    doc.facts().forEach((k, v) -> out.append("- ").append(md(k)).append(": ").append(md(v)).append('\n'));
    if (!doc.perHour().isEmpty()) {
      out.append("\n### Causes over time (lines per hour)\n\n| Hour | Lines by root cause |\n|---|---|\n");
      for (Map.Entry<String, Map<String, Long>> hour : doc.perHour().entrySet()) {
        StringBuilder counts = new StringBuilder();
        hour.getValue().forEach((cause, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(md(cause)).append(" \u00d7 ").append(n));
        out.append("| ").append(md(ExplainHtml.hourLabel(hour.getKey()))).append(" | ").append(counts).append(" |\n");
      }
    }
    if (!doc.table().isEmpty()) {
      out.append("\n### ").append(md(doc.tableTitle())).append("\n\n");
      List<String> header = doc.table().get(0);
      row(out, header);
      out.append("|").append("---|".repeat(header.size())).append('\n');
      doc.table().subList(1, doc.table().size()).forEach(r -> row(out, r));
    }
    out.append("\n### ").append(doc.candidates().size() == 1 ? "Most likely cause" : "Possible causes, most likely first").append("\n\n");
    if (doc.candidates().isEmpty()) {
      out.append("Nothing recognised: no known error code, phrase or exception.\n");
    }
    int i = 1;
    for (Candidate c : doc.candidates()) {
      RootCause rc = KnownRootCauses.find(c.rootCause()).orElse(null);
      out.append(i++).append(". **").append(md(rc == null ? c.rootCause() : rc.title())).append("** (").append(md(c.rootCause())).append(", ")
          .append(Math.round(c.confidence() * 100)).append("%)\n   Why: ").append(md(c.reason())).append('\n');
      for (String e : doc.evidence().getOrDefault(c.rootCause(), List.of())) {
        out.append("   - ").append(md(e)).append('\n');
      }
      if (rc != null) {
        MarkdownReport.fix(out, rc.remediation(), "   ");
      }
    }
    return out.append("\n_").append(md(generator)).append("._\n").toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append("| ");
    cells.forEach(c -> out.append(md(c)).append(" | "));
    out.setLength(out.length() - 1);
    out.append('\n');
  }
}
