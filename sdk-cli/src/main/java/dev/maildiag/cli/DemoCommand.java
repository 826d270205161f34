package dev.maildiag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maildiag demo}: diagnoses every built-in simulated environment on loopback. */
final class DemoCommand implements Callable<Integer> {
  private static final String[] DESCRIPTION = {"Starts each simulated environment on loopback (Microsoft 365 and Google",
      "failure modes, and healthy ones), diagnoses it, and prints one line per",
      "scenario: provider, failure mode, diagnosed root cause, verdict.",
      "Exit code 0 when every scenario is diagnosed as expected."};
  private static final String[] FOOTER = {"", "Example: a gallery of every failure, one HTML page per scenario plus index.html:",
      "  maildiag demo --format html --output gallery/"};

  private final CommandSpec spec = Flags.command("demo", this, DESCRIPTION, FOOTER);

  private DemoCommand() {
    spec.addOption(Flags.format("Output format (default text); html writes a gallery into --output DIR."));
    spec.addOption(Flags.output("FILE|DIR", "Write to FILE instead of stdout; with html, the gallery's DIR."));
    spec.addOption(Flags.text("--provider", "NAME", "Only this provider's scenarios (microsoft, google, offline)."));
    spec.addOption(Flags.text("--scenario", "FAILURE-MODE", "Only the scenario(s) with this failure mode."));
    spec.addOption(Flags.on("List the scenarios without running them.", "--list"));
    Flags.addStandardHelp(spec);
  }

  /** The command, for picocli. */
  static CommandSpec model() {
    return new DemoCommand().spec;
  }

  Format format() {
    return Flags.value(spec, "--format");
  }

  Path output() {
    return Flags.value(spec, "--output");
  }

  String provider() {
    return Flags.value(spec, "--provider");
  }

  String scenario() {
    return Flags.value(spec, "--scenario");
  }

  boolean list() {
    return Flags.on(spec, "--list");
  }

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
