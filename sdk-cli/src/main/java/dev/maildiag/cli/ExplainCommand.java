package dev.maildiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maildiag.api.DiagnosticContext.Cluster;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.internal.explain.ClusterProbe;
import dev.maildiag.api.internal.explain.ClusterProbeReport;
import dev.maildiag.api.internal.explain.HarAnalyzer;
import dev.maildiag.api.internal.explain.HarReport;
import dev.maildiag.api.internal.explain.LogFinding;
import dev.maildiag.api.internal.explain.LogReport;
import dev.maildiag.api.internal.explain.LogScanner;
import dev.maildiag.api.internal.explain.Observations;
import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.internal.report.TerminalText;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code maildiag explain}: turns an error text, a log, a HAR capture or a live cluster probe into ranked root causes. */
final class ExplainCommand implements Callable<Integer> {
  private static final int MAX_TEXT = 1 << 20;
  private static final String[] DESCRIPTION = {"Explains what you already have: an error text, a whole log, a browser's HAR",
      "capture, or a live probe of a clustered product's load balancer. Prints the",
      "likely root causes, most likely first, and how to fix each."};
  private static final String[] FOOTER = {"", "Exit codes: 0 something was recognised, 1 nothing was, 2 bad usage or an unreadable file.", "",
      "Examples:",
      "  maildiag explain 'A1 NO AUTHENTICATE failed.'",
      "  maildiag explain --provider microsoft --format json 'AADSTS7000222: The provided client secret keys are expired.'",
      "  pbpaste | maildiag explain -",
      "  maildiag explain --log atlassian-jira-incoming-mail.log.gz",
      "  maildiag explain --har authorize.har",
      "  maildiag explain --batch errors.jsonl > explained.jsonl",
      "  maildiag explain --cluster-url https://jira.example.com/ --node-urls http://node1:8080/,http://node2:8080/"};

  private final CommandSpec spec = Flags.command("explain", this, DESCRIPTION, FOOTER);

  // what was given, read from the parser when the command runs
  private List<String> text;
  private String provider;
  private String protocol;
  private Format format;
  private Path output;
  private Path log;
  private Path har;
  private String batch;
  private String clusterUrl;
  private List<String> nodeUrls;
  private int requests;
  private int timeoutSeconds;
  private boolean phrases;

  private ExplainCommand() {
    spec.usageMessage().sortOptions(false);
    spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel("TEXT")
        .type(List.class).auxiliaryTypes(String.class)
        .description("The error text (several words are joined); '-' reads it from stdin.").build());
    spec.addOption(Flags.text("--provider", "microsoft|google|auto", "auto",
        "Whose server said it (default auto: guessed from the text; unknown means all signatures)."));
    spec.addOption(Flags.text("--protocol", "imap|pop3|smtp", "The protocol the text came from, if known."));
    spec.addOption(Flags.format("Output format (default text); html is one self-contained page. --batch always writes JSON Lines."));
    spec.addOption(Flags.output("FILE", "Write the result to FILE instead of stdout."));
    spec.addOption(Flags.file("--log", "FILE", "Scan a whole log file (plain or gzip) in one pass."));
    spec.addOption(Flags.file("--har", "FILE", "Read a HAR capture of the OAuth authorization."));
    spec.addOption(Flags.text("--batch", "FILE", "JSON Lines ({\"text\", \"provider\", \"protocol\"}), one JSON result per line; '-' is stdin."));
    spec.addOption(Flags.text("--cluster-url", "URL", "Probe the product's load-balanced URL with one session."));
    spec.addOption(OptionSpec.builder("--node-urls").paramLabel("URL").splitRegex(",").type(List.class).auxiliaryTypes(String.class)
        .description("The nodes' own URLs, comma-separated.").build());
    spec.addOption(Flags.number("--requests", "<requests>", "6", "Requests sent to --cluster-url (default 6)."));
    spec.addOption(Flags.number("--timeout", "SECONDS", "10", "Connect and read timeout of the cluster probe (default 10)."));
    spec.addOption(OptionSpec.builder("--phrases").type(boolean.class).hidden(true)
        .description("Print the log scanner's prefilter literals, one per line (for benchmarks).").build());
    Flags.addStandardHelp(spec);
  }

  /** The command, for picocli. */
  static CommandSpec model() {
    return new ExplainCommand().spec;
  }

  private void readGiven() {
    List<String> words = spec.positionalParameters().get(0).getValue();
    text = words == null ? List.of() : words;
    provider = Flags.value(spec, "--provider");
    protocol = Flags.value(spec, "--protocol");
    format = Flags.value(spec, "--format");
    output = Flags.value(spec, "--output");
    log = Flags.value(spec, "--log");
    har = Flags.value(spec, "--har");
    batch = Flags.value(spec, "--batch");
    clusterUrl = Flags.value(spec, "--cluster-url");
    nodeUrls = Flags.list(spec, "--node-urls");
    requests = Flags.value(spec, "--requests");
    timeoutSeconds = Flags.value(spec, "--timeout");
    phrases = Flags.on(spec, "--phrases");
  }

  @Override
  public Integer call() throws IOException {
    readGiven();
    String providerLabel = provider.toLowerCase(Locale.ROOT);
    if (!List.of("microsoft", "google", "auto").contains(providerLabel)) {
      throw new UsageProblem("--provider must be microsoft, google or auto, not '" + provider + "'");
    }
    int modes = (text.isEmpty() ? 0 : 1) + (log == null ? 0 : 1) + (har == null ? 0 : 1) + (batch == null ? 0 : 1)
        + (clusterUrl == null && nodeUrls.isEmpty() ? 0 : 1) + (phrases ? 1 : 0);
    if (modes != 1) {
      throw new UsageProblem(modes == 0 ? "give a TEXT (or '-'), --log, --har, --batch or --cluster-url; see 'maildiag explain --help'"
          : "give only one of TEXT, --log, --har, --batch and --cluster-url/--node-urls");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (har != null) {
        return har(out);
      }
      if (clusterUrl != null || !nodeUrls.isEmpty()) {
        return cluster(out);
      }
      Explainer explainer = Explainer.discover();
      if (phrases) {
        new TreeSet<>(LogScanner.of(explainer, null).keywords()).forEach(out::println);
        return ExitCodes.OK;
      }
      if (batch != null) {
        return batch(explainer, out);
      }
      if (log != null) {
        return log(explainer, out, providerLabel);
      }
      return text(explainer, out, providerLabel);
    } finally {
      out.flush();
    }
  }

  private int text(Explainer explainer, PrintWriter out, String providerLabel) throws IOException {
    String input = text.equals(List.of("-")) ? readStdin() : String.join(" ", text);
    List<Candidate> ranked = explainer.explain(Observations.of(input, providerLabel, protocol));
    print(out, () -> ExplainJson.candidates(ranked), () -> ExplainText.candidates(ranked), () -> ExplainDocument.candidates(ranked));
    return ranked.isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private int log(Explainer explainer, PrintWriter out, String providerLabel) {
    LogReport report;
    try {
      // a stream, never Files.newInputStream: pipes, FIFOs and <(zcat ...) cannot seek ("Illegal seek")
      try (InputStream in = InputFiles.open("--log", log)) {
        report = LogScanner.of(explainer, providerLabel.equals("auto") ? null : providerLabel).scanAnyStream(in);
      }
    } catch (IOException e) {
      throw unreadable(log, e);
    }
    List<Candidate> ranked = new ArrayList<>();
    report.findings().stream()
        .sorted(Comparator.comparingDouble(LogFinding::confidence).reversed().thenComparing(Comparator.comparingLong(LogFinding::count).reversed()))
        .forEach(f -> ranked.add(new Candidate(f.rootCause(), f.confidence(), f.candidates().get(0).reason())));
    print(out, () -> ExplainJson.log(log.toString(), report, ranked), () -> ExplainText.log(log.toString(), report, ranked),
        () -> ExplainDocument.log(log.toString(), report, ranked));
    return ranked.isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private int har(PrintWriter out) {
    HarReport report;
    try {
      try (InputStream in = InputFiles.open("--har", har)) {
        report = HarAnalyzer.analyze(in);
      }
    } catch (IOException e) {
      throw unreadable(har, e);
    }
    print(out, () -> ExplainJson.har(har.toString(), report), () -> ExplainText.har(har.toString(), report),
        () -> ExplainDocument.har(har.toString(), report));
    return report.candidates().isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  private int cluster(PrintWriter out) {
    if (timeoutSeconds < 1 || requests < 2 || requests > 100) {
      throw new UsageProblem("--timeout must be at least 1 second and --requests between 2 and 100");
    }
    DiagnosticContext context = DiagnosticContext.builder().cluster(new Cluster(clusterUrl, nodeUrls))
        .timeout(Duration.ofSeconds(timeoutSeconds)).build();
    ClusterProbeReport report;
    try {
      report = new ClusterProbe(context, requests).probe(clusterUrl, nodeUrls);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    } catch (IOException e) {
      spec.commandLine().getErr().println("maildiag: the cluster did not answer: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      print(out, () -> ExplainJson.candidates(List.of()), () -> ExplainText.candidates(List.of()), () -> ExplainDocument.candidates(List.of()));
      return ExitCodes.PROBLEMS;
    }
    print(out, () -> ExplainJson.cluster(report), () -> ExplainText.cluster(report), () -> ExplainDocument.cluster(report));
    return report.candidates().isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
  }

  /** Longest --batch line read; longer ones get an error result of their own. */
  static final int MAX_BATCH_LINE = 1 << 20;

  /** One JSON result per input line, in order, in this one process; any bytes, any line length, bounded memory. */
  private int batch(Explainer explainer, PrintWriter out) {
    boolean anything = false;
    try (InputStream stream = InputFiles.open("--batch", Path.of(batch))) {
      BoundedLines lines = new BoundedLines(stream, MAX_BATCH_LINE);
      for (BoundedLines.Line l; (l = lines.next()) != null; ) {
        String line = l.text();
        ObjectNode result;
        if (l.tooLong()) {
          result = ExplainJson.candidates(List.of());
          result.put("error", "line longer than " + MAX_BATCH_LINE + " bytes (" + l.bytes() + "); not read");
          out.println(redacted(result).toString());
          continue;
        }
        try {
          JsonNode item = line.isBlank() ? null : ExplainJson.MAPPER.readTree(line);
          if (item == null || !item.path("text").isTextual()) {
            result = ExplainJson.candidates(List.of());
            result.put("error", line.isBlank() ? "empty line" : "no \"text\" field");
          } else {
            List<Candidate> ranked = explainer.explain(Observations.of(item.get("text").asText(),
                item.path("provider").asText(provider), item.path("protocol").asText(protocol)));
            anything |= !ranked.isEmpty();
            result = ExplainJson.candidates(ranked);
          }
          if (item != null && item.has("id")) {
            result.set("id", item.get("id"));
          }
        } catch (IOException notJson) {
          result = ExplainJson.candidates(List.of());
          result.put("error", "not a JSON object");
        }
        out.println(redacted(result).toString());
      }
    } catch (IOException e) {
      throw new UsageProblem("cannot read " + batch + ": " + e.getClass().getSimpleName());
    }
    return anything ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  /**
   * The result in the chosen format, on stdout or into the --output file; only the chosen form is built. What
   * explain prints quotes the user's own text (log lines, HAR values, decoded challenges): every string passes the
   * redaction of secret shapes, and the text form is escaped for the terminal.
   */
  private void print(PrintWriter out, Supplier<ObjectNode> json, Supplier<String> text, Supplier<ExplainDocument> document) {
    String rendered = switch (format) {
      case JSON -> redacted(json.get()).toString() + System.lineSeparator();
      case HTML -> Redactor.shapes().redact(ExplainHtml.write(document.get(), Output.generator()));
      case MARKDOWN -> Redactor.shapes().redact(ExplainMarkdown.write(document.get(), Output.generator()));
      default -> TerminalText.block(Redactor.shapes().redact(text.get()));
    };
    Output.write(rendered, output, out, spec.commandLine().getErr());
  }

  /** The same JSON with every string value (and field name) redacted. */
  static JsonNode redacted(JsonNode node) {
    if (node.isTextual()) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(Redactor.shapes().redact(node.textValue()));
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode a = ExplainJson.MAPPER.createArrayNode();
      node.forEach(child -> a.add(redacted(child)));
      return a;
    }
    if (node.isObject()) {
      ObjectNode o = ExplainJson.MAPPER.createObjectNode();
      node.fields().forEachRemaining(e -> o.set(Redactor.shapes().redact(e.getKey()), redacted(e.getValue())));
      return o;
    }
    return node;
  }

  private static String readStdin() throws IOException {
    InputStream in = System.in;
    byte[] bytes = in.readNBytes(MAX_TEXT);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static UsageProblem unreadable(Path file, IOException e) {
    return new UsageProblem(e instanceof NoSuchFileException ? "no such file: " + file : "cannot read " + file + ": " + e.getMessage());
  }
}
