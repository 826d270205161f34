package dev.maildiag.cli;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.internal.report.HtmlReport;
import dev.maildiag.api.internal.report.MarkdownReport;
import dev.maildiag.api.spi.CheckInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a command's result in its format and puts it on stdout or into the {@code --output} file. */
final class Output {
  private Output() {}

  /** maildiag's and Java's versions, as reports name them. */
  static String generator() {
    return String.join(", ", new VersionProvider().getVersion());
  }

  /** The checks a runner would run for a context, by id: their titles and stages for the report's path. */
  static Map<String, CheckInfo> checks(Maildiag maildiag, DiagnosticContext context) {
    Map<String, CheckInfo> infos = new LinkedHashMap<>();
    maildiag.plan(context).forEach(i -> infos.put(i.id(), i));
    return infos;
  }

  static String render(Format format, Report report, Map<String, CheckInfo> checks) {
    return switch (format) {
      case JSON -> report.toJson() + System.lineSeparator();
      case HTML -> HtmlReport.write(report, checks, generator());
      case MARKDOWN -> MarkdownReport.write(report, checks, generator());
      default -> report.toText();
    };
  }

  /** Prints {@code content} on stdout, or writes it to {@code file} and says so on stderr. */
  static void write(String content, Path file, PrintWriter out, PrintWriter err) {
    if (file == null) {
      out.print(content);
      out.flush();
      return;
    }
    writeFile(file, content);
    err.println("maildiag: wrote " + file);
    err.flush();
  }

  static void writeFile(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageProblem("cannot write " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}
