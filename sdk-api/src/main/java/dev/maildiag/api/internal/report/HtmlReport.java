package dev.maildiag.api.internal.report;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.report.ReportPath.PathStep;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import static dev.maildiag.api.internal.report.Html.escape;
import static dev.maildiag.api.internal.report.Html.text;

/**
 * A report as one self-contained HTML page to attach to a support ticket: the path from configuration to
 * mailbox as coloured steps with the first broken one marked, the ranked causes with their fixes, and every
 * finding with its evidence folded away. Rendered from the same redacted {@link Report} as the JSON form.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * The page. {@code checks} are the infos of the checks that ran (titles and stages; may be empty),
   * {@code generator} names maildiag's and Java's versions.
   */
  public static String write(Report report, Map<String, CheckInfo> checks, String generator) {
    List<PathStep> path = ReportPath.of(report, checks);
    StringBuilder body = new StringBuilder();
    body.append("<header>\n<h1>maildiag report</h1>\n");
    banner(body, report, path);
    body.append("<dl class=\"meta\">\n");
    ReportWords.ordered(report.subject()).forEach((k, v) -> meta(body, k, v));
    meta(body, "started", report.startedAt().toString());
    meta(body, "duration", Durations.format(report.duration()));
    meta(body, "versions", generator);
    body.append("</dl>\n</header>\n");
    path(body, path);
    causes(body, report.rootCauses());
    findings(body, path, checks);
    return Html.page("maildiag " + report.verdict() + ": " + ReportWords.oneLine(report.subject()), generator, body.toString());
  }

  private static void banner(StringBuilder out, Report report, List<PathStep> path) {
    Optional<PathStep> broken = ReportPath.firstBroken(path);
    String cls = switch (report.verdict()) {
      case ERROR -> "failed";
      case WARNING -> "warning";
      default -> "ok";
    };
    out.append("<div class=\"banner ").append(cls).append("\" data-verdict=\"").append(report.verdict()).append("\">\n<strong>")
        .append(ReportWords.verdictSentence(report.verdict())).append("</strong>");
    broken.ifPresent(b -> out.append(" The path breaks at <strong>").append(text(b.step().title())).append("</strong>: ")
        .append(text(ReportWords.whyBroken(b)))
        .append('.'));
    report.topRootCause().ifPresent(c -> out.append(" Most likely cause: <strong>").append(text(c.title())).append("</strong> (<code>")
        .append(text(c.id())).append("</code>)."));
    out.append("\n</div>\n");
  }

  private static void meta(StringBuilder out, String name, String value) {
    out.append("<dt>").append(text(name)).append("</dt><dd>").append(text(value)).append("</dd>\n");
  }

  private static void path(StringBuilder out, List<PathStep> path) {
    out.append("<section class=\"path-section\">\n<h2>Path from configuration to mailbox</h2>\n<ol class=\"path\">\n");
    for (PathStep s : path) {
      out.append("<li class=\"").append(s.status().id()).append(s.firstBroken() ? " first-broken" : "").append("\" data-step=\"")
          .append(s.step().id()).append("\" data-status=\"").append(s.status().id()).append('"')
          .append(s.firstBroken() ? " aria-current=\"step\"" : "").append(">")
          .append("<a class=\"step\" href=\"#step-").append(s.step().id()).append("\"><span class=\"icon\">").append(s.status().symbol())
          .append("</span><span class=\"name\">").append(text(s.step().title())).append("</span><span class=\"state\">")
          .append(s.firstBroken() ? "breaks here" : s.status().words()).append("</span></a></li>\n");
    }
    out.append("</ol>\n<p class=\"legend\">Green passed, amber warning, red failed, grey skipped or not checked; "
        + "the first failed step is framed and says \u201cbreaks here\u201d. Select a step for its findings.</p>\n</section>\n");
  }

  private static void causes(StringBuilder out, List<RankedRootCause> causes) {
    out.append("<section class=\"causes-section\">\n<h2>Likely causes, most likely first</h2>\n");
    if (causes.isEmpty()) {
      out.append("<p>None: no finding names a root cause.</p>\n");
    } else {
      out.append("<ol class=\"causes\">\n");
      for (RankedRootCause c : causes) {
        out.append(Html.cause(c.id(), c.title(), c.confidence(), "Found by " + String.join(", ", c.findings()), List.of(),
            c.remediation()));
      }
      out.append("</ol>\n");
    }
    out.append("</section>\n");
  }

  private static void findings(StringBuilder out, List<PathStep> path, Map<String, CheckInfo> checks) {
    out.append("<section class=\"findings-section\">\n<h2>Findings, step by step</h2>\n");
    for (PathStep s : path) {
      out.append("<h3 id=\"step-").append(s.step().id()).append("\">").append(text(s.step().title())).append(" <span class=\"tag\">")
          .append(s.status().words()).append("</span></h3>\n");
      if (s.findings().isEmpty()) {
        out.append("<p class=\"legend\">No check looked at this step.</p>\n");
      }
      s.findings().forEach(f -> finding(out, f, checks.get(f.checkId())));
    }
    out.append("</section>\n");
  }

  private static void finding(StringBuilder out, Finding f, CheckInfo info) {
    out.append("<div class=\"finding ").append(f.severity()).append("\" data-check-id=\"").append(escape(f.checkId()))
        .append("\" data-severity=\"").append(f.severity()).append("\">\n<div><span class=\"mark\">")
        .append(escape(TextReport.mark(f.severity()))).append("</span> <code>").append(text(f.checkId())).append("</code> ");
    if (info != null) {
      out.append("<span class=\"legend\">").append(text(info.title())).append("</span> ");
    }
    out.append("(").append(Durations.format(f.duration())).append(")</div>\n<div class=\"summary\">").append(text(f.summary()));
    if (f.rootCause() != null && f.severity() != Severity.OK) {
      out.append(" \u2192 <code>").append(text(f.rootCause())).append("</code>");
    }
    out.append("</div>\n");
    if (!f.detail().isEmpty()) {
      out.append("<pre class=\"detail\">").append(text(f.detail())).append("</pre>\n");
    }
    if (!f.alternatives().isEmpty()) {
      out.append("<div class=\"alternatives\">Also possible: ");
      List<Candidate> alternatives = f.alternatives();
      for (int i = 0; i < alternatives.size(); i++) {
        Candidate c = alternatives.get(i);
        out.append(i == 0 ? "" : "; ").append("<code>").append(text(c.rootCause())).append("</code> ")
            .append(Math.round(c.confidence() * 100)).append("% (").append(text(c.reason())).append(')');
      }
      out.append("</div>\n");
    }
    if (!f.evidence().isEmpty()) {
      out.append("<details class=\"evidence\"><summary>Evidence (").append(f.evidence().size()).append(")</summary>\n<dl class=\"evidence\">\n");
      f.evidence().forEach((k, v) -> out.append("<dt>").append(text(k)).append("</dt><dd><pre>").append(text(v)).append("</pre></dd>\n"));
      out.append("</dl>\n</details>\n");
    }
    out.append("</div>\n");
  }
}
