package dev.maildiag.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.report.MarkdownReport;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code maildiag demo} does once the simulated environments are on the class path: kept apart from
 * {@link DemoCommand}, which the parser loads for top-level help too, so that no other command needs the testkit's
 * classes, nor the simulated servers' libraries (WireMock, GreenMail) on its class path.
 */
final class DemoRun {
  private DemoRun() {}

  static int run(DemoCommand options, PrintWriter stdout, PrintWriter err) {
    String provider = options.provider();
    String scenario = options.scenario();
    Format format = options.format();
    Path output = options.output();
    boolean list = options.list();
    List<Scenario> scenarios = Scenarios.all().stream()
        .filter(s -> provider == null || s.provider().equalsIgnoreCase(provider))
        .filter(s -> scenario == null || s.failureMode().equalsIgnoreCase(scenario))
        .toList();
    if (scenarios.isEmpty()) {
      throw new UsageProblem("no scenario matches" + (provider == null ? "" : " --provider " + provider)
          + (scenario == null ? "" : " --scenario " + scenario) + "; try 'maildiag demo --list'");
    }
    Gallery gallery = null;
    if (format == Format.HTML && !list) {
      if (output == null) {
        throw new UsageProblem("--format html writes a gallery of pages: give the directory with --output DIR");
      }
      gallery = Gallery.in(output);
    }
    StringWriter buffer = new StringWriter();
    PrintWriter out = output == null || gallery != null ? stdout : new PrintWriter(buffer);
    if (list) {
      scenarios.forEach(s -> out.printf("%-10s %-26s %s%n", s.provider(), s.failureMode(), s.description()));
      return finish(out, buffer, stdout, err, output, ExitCodes.OK);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode results = json.putArray("scenarios");
    StringBuilder markdown = new StringBuilder("# maildiag demo\n\n| Provider | Failure mode | Diagnosed root cause | Verdict | |\n|---|---|---|---|---|\n");
    StringBuilder markdownReports = new StringBuilder();
    int wrong = 0;
    if (format == Format.TEXT) {
      out.printf("%-10s %-26s %-26s %-8s %s%n", "PROVIDER", "FAILURE MODE", "DIAGNOSED ROOT CAUSE", "VERDICT", "");
    }
    for (Scenario s : scenarios) {
      err.printf("demo: %s/%s: %s%n", s.provider(), s.failureMode(), s.description());
      err.flush();
      Report report;
      Map<String, CheckInfo> checks;
      try (Simulation simulation = s.start()) {
        report = simulation.maildiag().diagnose(simulation.context());
        checks = Output.checks(simulation.maildiag(), simulation.context());
      } catch (Exception e) {
        throw new IllegalStateException("scenario " + s.provider() + "/" + s.failureMode() + " could not start: " + e, e);
      }
      String diagnosed = report.topRootCause().map(RankedRootCause::id).orElse(Scenario.HEALTHY);
      boolean expected = matches(s, report, diagnosed);
      wrong += expected ? 0 : 1;
      switch (format) {
        case TEXT -> {
          String note = (expected ? "" : "UNEXPECTED ") + s.signIn().map(flow -> "(sign-in: " + flow + ")").orElse("");
          out.printf("%-10s %-26s %-26s %-8s %s%n", s.provider(), s.failureMode(), diagnosed, report.verdict(), note.strip());
          out.flush();
        }
        case HTML -> gallery.add(s, report, checks, expected);
        case MARKDOWN -> {
          markdown.append("| ").append(s.provider()).append(" | ").append(s.failureMode()).append(" | ").append(diagnosed).append(" | ")
              .append(report.verdict()).append(" | ").append(expected ? "" : "UNEXPECTED").append(" |\n");
          markdownReports.append("\n---\n\n# ").append(s.provider()).append(" / ").append(s.failureMode()).append("\n\n")
              .append(MarkdownReport.md(s.description())).append("\n\n").append(MarkdownReport.write(report, checks, Output.generator()));
        }
        default -> {
          ObjectNode n = results.addObject();
          n.put("provider", s.provider());
          n.put("failureMode", s.failureMode());
          n.put("signIn", s.signIn().orElse(null));
          n.put("diagnosedRootCause", report.topRootCause().map(RankedRootCause::id).orElse(null));
          n.put("verdict", report.verdict().name());
          n.put("expected", expected);
          n.set("report", ReportJson.toTree(report));
        }
      }
    }
    String summary = String.format(Locale.ROOT, "%d scenario(s), %d diagnosed as expected%s", scenarios.size(), scenarios.size() - wrong,
        wrong == 0 ? "" : String.format(Locale.ROOT, ", %d NOT", wrong));
    switch (format) {
      case JSON -> out.println(json.toPrettyString());
      case MARKDOWN -> out.print(markdown.append('\n').append(summary).append('\n').append(markdownReports));
      case HTML -> {
        Path index = gallery.finish(summary);
        err.printf("demo: wrote %d page(s) and %s%n", scenarios.size(), index);
      }
      default -> out.printf("%n%s%n", summary);
    }
    return finish(out, buffer, stdout, err, output, wrong == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS);
  }

  /** Writes what was buffered for {@code --output FILE}. */
  private static int finish(PrintWriter out, StringWriter buffer, PrintWriter stdout, PrintWriter err, Path output, int code) {
    out.flush();
    if (out != stdout) {
      Output.write(buffer.toString(), output, stdout, err);
    }
    return code;
  }

  /** A failure scenario must rank its own root cause first; a healthy one must have no ERROR. */
  static boolean matches(Scenario s, Report report, String diagnosed) {
    if (s.failureMode().equals(Scenario.HEALTHY)) {
      return report.findings(Severity.ERROR).isEmpty();
    }
    return s.failureMode().equals(diagnosed);
  }
}
