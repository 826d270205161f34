package dev.maildiag.cli;

import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.internal.report.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The {@code maildiag} command. */
public final class Main implements Runnable {
  private static final String[] DESCRIPTION = {
      "Finds out why a mail handler using OAuth 2.0 (IMAP, POP3 or SMTP with",
      "XOAUTH2) cannot be configured or stops working, against Microsoft 365 and",
      "Gmail, from where the handler runs."};
  private static final String[] FOOTER = {"", "Exit codes: 0 no problem found, 1 problems found, 2 bad usage or unreadable",
      "configuration, 3 internal error.", "", "Run 'maildiag demo' to see every simulated failure diagnosed."};
  // in the order --help lists them; see commandLine() for why not all of them are always there
  private static final List<String> SUBCOMMANDS = List.of("check", "explain", "demo", "help");

  private final CommandSpec spec = Flags.command("maildiag", this, DESCRIPTION, FOOTER);

  private Main() {
    spec.addOption(OptionSpec.builder("--debug").type(boolean.class).scopeType(CommandLine.ScopeType.INHERIT)
        .description("Show stack traces and debug logging (secrets stay redacted).").build());
    Flags.addStandardHelp(spec);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      // answered before the parser and logging are loaded: an administrator checking the version waits for nothing
      Version.lines().forEach(System.out::println);
      System.exit(ExitCodes.OK);
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * The parser with the subcommand the arguments name, or with all of them when they name none (top-level help,
   * {@code help CMD}, a misspelt name that gets suggestions): a command's model is only built when it may run.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Main().spec);
    String named = commandName(args);
    boolean justOne = SUBCOMMANDS.contains(named) && !"help".equals(named);
    for (String name : SUBCOMMANDS) {
      if (!justOne || name.equals(named)) {
        cli.addSubcommand(name, subcommand(name));
      }
    }
    return cli;
  }

  /** The command the arguments name, as the parser takes it: their first that is no option; "" when none is. */
  static String commandName(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }

  // a switch rather than method references: a command's class is not even loaded unless it may run
  private static Object subcommand(String name) {
    return switch (name) {
      case "check" -> CheckCommand.model();
      case "explain" -> ExplainCommand.model();
      case "demo" -> DemoCommand.model();
      default -> new CommandLine.HelpCommand();
    };
  }

  /** Runs the command line and returns its exit code; used by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    Logging.configure(debug);
    TrustStorePreload.start(args);
    ConnectionWarmUp warmUp = ConnectionWarmUp.start(args);
    try {
      CommandLine cli = commandLine(args);
      cli.setOut(out);
      cli.setErr(err);
      Redactor redactor = CommandLineSecrets.redactor(args);
      cli.setExecutionExceptionHandler(new Failures(redactor, err, debug));
      cli.setParameterExceptionHandler(new UsageErrors(redactor, err));
      return cli.execute(args);
    } finally {
      warmUp.finish();
    }
  }

  private record Failures(Redactor redactor, PrintWriter err, boolean debug) implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
      if (e instanceof UsageProblem) {
        err.println("maildiag: " + TerminalText.line(redactor.redact(e.getMessage())));
        return ExitCodes.USAGE;
      }
      err.println("maildiag: internal error: " + TerminalText.line(redactor.redact(e.toString()))
          + (debug ? "" : " (run with --debug for details)"));
      if (debug) {
        // the trace's messages may quote what a peer or the user sent: redacted, never printStackTrace
        err.println(TerminalText.line(redactor.describe(e)));
        for (StackTraceElement frame : e.getStackTrace()) {
          err.println("\tat " + frame);
        }
      }
      return ExitCodes.INTERNAL;
    }
  }

  private record UsageErrors(Redactor redactor, PrintWriter err) implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      err.println("maildiag: " + TerminalText.line(CommandLineSecrets.describe(e, redactor)));
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
      err.println("Try 'maildiag " + (e.getCommandLine().getCommandName().equals("maildiag") ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
      return ExitCodes.USAGE;
    }
  }
}
