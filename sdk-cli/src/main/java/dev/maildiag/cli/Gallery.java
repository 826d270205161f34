package dev.maildiag.cli;

import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Report;
import dev.maildiag.api.internal.report.Html;
import dev.maildiag.api.internal.report.HtmlReport;
import dev.maildiag.api.internal.report.ReportPath;
import dev.maildiag.api.internal.report.ReportPath.PathStep;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.testkit.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import static dev.maildiag.api.internal.report.Html.text;

/** {@code maildiag demo --format html}: one page per scenario and an index, so a newcomer sees what each failure looks like. */
final class Gallery {
  private final Path dir;
  private final StringBuilder rows = new StringBuilder();

  private Gallery(Path dir) {
    this.dir = dir;
  }

  static Gallery in(Path dir) {
    try {
      return new Gallery(Files.createDirectories(dir));
    } catch (IOException e) {
      throw new UsageProblem("cannot create " + dir + ": " + e.getMessage());
    }
  }

  /** The scenario's page's file name: {@code provider-failure-mode.html}. */
  static String pageName(Scenario s) {
    return (s.provider() + "-" + s.failureMode()).replaceAll("[^A-Za-z0-9-]", "_") + ".html";
  }

  void add(Scenario s, Report report, Map<String, CheckInfo> checks, boolean expected) {
    String page = pageName(s);
    Output.writeFile(dir.resolve(page), HtmlReport.write(report, checks, Output.generator()));
    rows.append("<tr data-scenario=\"").append(Html.escape(s.provider() + "/" + s.failureMode())).append("\"><td>").append(text(s.provider()))
        .append("</td><td><a href=\"").append(Html.escape(page)).append("\">").append(text(s.failureMode())).append("</a></td><td>")
        .append(text(s.description())).append("</td><td class=\"mini\">");
    for (PathStep step : ReportPath.of(report, checks)) {
      rows.append("<span class=\"").append(step.status().id()).append(step.firstBroken() ? " first-broken" : "").append("\" title=\"")
          .append(Html.escape(step.step().title() + ": " + step.status().words())).append("\"></span>");
    }
    rows.append("</td><td><code>").append(text(report.topRootCause().map(RankedRootCause::id).orElse(Scenario.HEALTHY)))
        .append("</code></td><td>").append(report.verdict()).append(expected ? "" : " UNEXPECTED").append("</td></tr>\n");
  }

  /** Writes {@code index.html} and returns its path. */
  Path finish(String summary) {
    String body = "<header>\n<h1>maildiag demo: what each failure looks like</h1>\n<p>Every simulated environment, diagnosed on "
        + "loopback. Select a failure mode for its report. " + text(summary) + ".</p>\n</header>\n"
        + "<table class=\"gallery\">\n<thead><tr><th>Provider</th><th>Failure mode</th><th>What is simulated</th><th>Path</th>"
        + "<th>Diagnosed root cause</th><th>Verdict</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n"
        + "<p class=\"legend\">Path: configuration, DNS, TCP, proxy, TLS, greeting, sign-in, XOAUTH2, session, folder (and cluster); "
        + "green passed, amber warning, red failed, grey skipped or not checked; the first failed step is framed.</p>\n";
    Path index = dir.resolve("index.html");
    Output.writeFile(index, Html.page("maildiag demo gallery", Output.generator(), body));
    return index;
  }
}
