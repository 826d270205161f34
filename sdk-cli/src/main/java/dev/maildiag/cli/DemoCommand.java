package dev.maildiag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maildiag demo}: diagnoses every built-in simulated environment on loopback. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Starts each simulated environment on loopback (Microsoft 365 and Google",
        "failure modes, and healthy ones), diagnoses it, and prints one line per",
        "scenario: provider, failure mode, diagnosed root cause, verdict.",
        "Exit code 0 when every scenario is diagnosed as expected."},
    footer = {"", "Example: a gallery of every failure, one HTML page per scenario plus index.html:",
        "  maildiag demo --format html --output gallery/"})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html|markdown",
      description = "Output format (default text); html writes a gallery into --output DIR.")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR", description = "Write to FILE instead of stdout; with html, the gallery's DIR.")
  Path output;

  @Option(names = "--provider", paramLabel = "NAME", description = "Only this provider's scenarios (microsoft, google, offline).")
  String provider;

  @Option(names = "--scenario", paramLabel = "FAILURE-MODE", description = "Only the scenario(s) with this failure mode.")
  String scenario;

  @Option(names = "--list", description = "List the scenarios without running them.")
  boolean list;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (SimulatedEnvironments.onClassPath()) {
      return DemoRun.run(this, stdout, err);
    }
    return SimulatedEnvironments.runCommandLine(spec.root().commandLine().getParseResult().originalArgs(), stdout, err);
  }
}
