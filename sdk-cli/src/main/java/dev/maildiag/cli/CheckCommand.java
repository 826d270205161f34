package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Stage;
import dev.maildiag.api.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maildiag check}: diagnoses one mail handler configuration. */
final class CheckCommand implements Callable<Integer> {
  private static final String[] DESCRIPTION = {
      "Diagnoses a mail handler's configuration, network path, TLS, OAuth tokens",
      "and mailbox. Progress goes to stderr as checks finish, the report to stdout."};
  private static final String[] FOOTER = {"", "Exit codes: 0 no problem found, 1 problems found, 2 bad usage or unreadable",
      "configuration, 3 internal error.",
      "", "Example:", "  maildiag check --protocol imap --host outlook.office365.com --login helpdesk@contoso.com \\",
      "    --tenant contoso.onmicrosoft.com --client-id 11111111-2222-3333-4444-555555555555 \\",
      "    --client-secret-env CLIENT_SECRET --refresh-token-file refresh.txt"};

  private final CommandSpec spec = Flags.command("check", this, DESCRIPTION, FOOTER);
  private final ContextOptions options = new ContextOptions(spec);
  private final SignInOptions signIn = new SignInOptions(spec);

  private CheckCommand() {
    spec.usageMessage().sortOptions(false);
    ContextOptions.addTo(spec);
    SignInOptions.addTo(spec);
    spec.addOption(Flags.format("Report format (default text); html is one self-contained page."));
    spec.addOption(Flags.output("FILE", "Write the report to FILE instead of stdout."));
    spec.addOption(Flags.on("Only check the configuration; open no connection.", "--offline"));
    spec.addOption(Flags.text("--fail-on", "error|warning", "error", "Verdict that makes the exit code 1 (default error)."));
    spec.addOption(Flags.on("Do not print progress on stderr.", "-q", "--quiet"));
    Flags.addStandardHelp(spec);
  }

  /** The command, for picocli. */
  static CommandSpec model() {
    return new CheckCommand().spec;
  }

  @Override
  public Integer call() {
    String failOn = Flags.value(spec, "--fail-on");
    boolean offline = Flags.on(spec, "--offline");
    boolean quiet = Flags.on(spec, "--quiet");
    Format format = Flags.value(spec, "--format");
    Path output = Flags.value(spec, "--output");
    if (!failOn.equalsIgnoreCase("error") && !failOn.equalsIgnoreCase("warning")) {
      throw new UsageProblem("--fail-on must be error or warning, not '" + failOn + "'");
    }
    PrintWriter err = spec.commandLine().getErr();
    Maildiag.Builder builder = Maildiag.builder();
    if (offline) {
      builder.stages(Stage.CONFIG);
    }
    Maildiag maildiag = builder.build();
    DiagnosticContext context = signIn.apply(options.toContext(), offline, err);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progressTo = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : err;
    Progress progress = new Progress(progressTo, TrustStorePreload.read());
    Report report = SettingFlags.annotate(maildiag.diagnose(context, progress));
    // the diagnosis started while a trust store named with -D was still being read: one that cannot be read is a
    // usage error, whatever the diagnosis found meanwhile
    ContextOptions.confirmTrustStore();
    progress.flush();
    Output.write(Output.render(format, report, Output.checks(maildiag, context)), output, out,
        progressTo);
    return exitCode(report.verdict(), failOn.equalsIgnoreCase("warning"));
  }

  static int exitCode(Verdict verdict, boolean failOnWarning) {
    if (verdict == Verdict.ERROR || (failOnWarning && verdict == Verdict.WARNING)) {
      return ExitCodes.PROBLEMS;
    }
    return ExitCodes.OK;
  }
}
