package dev.maildiag.api.internal.report;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.report.ReportPath.PathStep;
import dev.maildiag.api.spi.CheckInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A report as GitHub-flavoured Markdown for an issue tracker or a forum post: the same content as the HTML
 * page (path, ranked causes with fixes, findings with evidence folded in {@code <details>}). Text from a
 * peer is escaped so that it shows as typed: no table break, code span, emphasis, link or HTML.
 */
public final class MarkdownReport {
  private static final Pattern PLAIN_URL = Pattern.compile("https?://[^\\s<>\"'`|\\\\]+", Pattern.CASE_INSENSITIVE);
  private static final String SPECIAL = "\\`*_[]<>|&#!~{}$";

  private MarkdownReport() {}

  /** The document; {@code checks} and {@code generator} as for {@link HtmlReport#write}. */
  public static String write(Report report, Map<String, CheckInfo> checks, String generator) {
    List<PathStep> path = ReportPath.of(report, checks);
    StringBuilder out = new StringBuilder();
    out.append("## maildiag report: ").append(report.verdict()).append(" \u2014 ").append(md(ReportWords.oneLine(report.subject())))
        .append("\n\n**").append(ReportWords.verdictSentence(report.verdict())).append("**");
    ReportPath.firstBroken(path).ifPresent(b -> out.append(" The path breaks at **").append(b.step().title()).append("**: ")
        .append(md(ReportWords.whyBroken(b))).append('.'));
    report.topRootCause().ifPresent(c -> out.append(" Most likely cause: **").append(md(c.title())).append("** (")
        .append(md(c.id())).append(")."));
    out.append("\n\n| Subject | |\n|---|---|\n");
    ReportWords.ordered(report.subject()).forEach((k, v) -> row(out, md(k), md(v)));
    row(out, "started", md(report.startedAt().toString()));
    row(out, "duration", Durations.format(report.duration()));
    row(out, "versions", md(generator));

    out.append("\n### Path from configuration to mailbox\n\n")
        .append(path.stream().map(MarkdownReport::stepWord).collect(Collectors.joining(" \u2192 "))).append("\n\n")
        .append("| Step | Status | Checks |\n|---|---|---|\n");
    for (PathStep s : path) {
      String status = s.firstBroken() ? "**\u2716 failed: breaks here**" : s.status().symbol() + " " + s.status().words();
      row(out, s.firstBroken() ? "**" + s.step().title() + "**" : s.step().title(), status,
          s.findings().stream().map(f -> md(f.checkId())).collect(Collectors.joining(", ")));
    }

    out.append("\n### Likely causes, most likely first\n\n");
    if (report.rootCauses().isEmpty()) {
      out.append("None: no finding names a root cause.\n");
    }
    int i = 1;
    for (RankedRootCause c : report.rootCauses()) {
      out.append(i++).append(". **").append(md(c.title())).append("** (").append(md(c.id())).append(", ")
          .append(percent(c.confidence())).append("), found by ").append(md(String.join(", ", c.findings()))).append('\n');
      fix(out, c.remediation(), "   ");
    }

    out.append("\n### Findings\n\n| | Check | Summary | Root cause |\n|---|---|---|---|\n");
    for (Finding f : report.findings()) {
      row(out, md(TextReport.mark(f.severity()).replace(" ", "")), md(f.checkId()), md(f.summary()),
          f.rootCause() == null || f.severity() == Severity.OK ? "" : md(f.rootCause()));
    }
    for (Finding f : report.findings()) {
      if (f.evidence().isEmpty() && f.detail().isEmpty() || f.severity() == Severity.OK) {
        continue;
      }
      out.append("\n<details><summary>").append(md(f.checkId())).append(": evidence</summary>\n\n");
      if (!f.detail().isEmpty()) {
        out.append(md(f.detail())).append("\n\n");
      }
      if (!f.evidence().isEmpty()) {
        out.append("| Evidence | Value |\n|---|---|\n");
        f.evidence().forEach((k, v) -> row(out, md(k), md(v)));
      }
      out.append("\n</details>\n");
    }
    return out.append("\n_").append(md(generator)).append(". No secret is part of a report._\n").toString();
  }

  /** Fix steps as an ordered list under {@code indent}, then links. */
  public static void fix(StringBuilder out, Remediation fix, String indent) {
    int step = 1;
    for (String s : fix.steps()) {
      out.append(indent).append(step++).append(". ").append(md(s)).append('\n');
    }
    for (String link : fix.links()) {
      out.append(indent).append("See ").append(url(link)).append('\n');
    }
  }

  /**
   * Text for Markdown, on one line: control characters visible, and every character Markdown or its tables
   * would act on (pipe, backtick, emphasis, brackets, HTML, entities) backslash-escaped.
   */
  public static String md(String s) {
    String visible = VisibleText.of(s, false);
    StringBuilder out = new StringBuilder(visible.length() + 16);
    for (int i = 0; i < visible.length(); i++) {
      char c = visible.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A documentation URL as an autolink when it is a plain http(s) URL, escaped text otherwise. */
  public static String url(String link) {
    return PLAIN_URL.matcher(link).matches() ? "<" + link + ">" : md(link);
  }

  private static String stepWord(PathStep s) {
    String word = s.step().title() + " " + s.status().symbol();
    return s.firstBroken() ? "**" + word + "**" : word;
  }

  private static void row(StringBuilder out, String... cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  static String percent(double confidence) {
    return Math.round(confidence * 100) + "%";
  }
}
