package dev.maildiag.cli;

import dev.maildiag.api.internal.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What on a command line may be a secret, so that no error message repeats it: the value of every flag
 * whose name says secret, token, password or key (spelt right or not: {@code --acess-token}), and
 * whatever follows a flag picocli does not know. Messages about unknown flags name the flags only.
 */
final class CommandLineSecrets {
  private static final Pattern SECRET_FLAG = Pattern.compile("(?i)-.*(secret|token|passw|pwd|pass\\b|key|credential|auth).*");

  /** Flags that name where a secret is (a variable, a file) or say something about it, not the secret. */
  private static final Pattern NAMES_NOT_SECRETS = Pattern.compile("(?i).*-(env|file|expires|endpoint)");

  private CommandLineSecrets() {}

  /** A redactor knowing every command-line value that may be a secret, and every secret shape. */
  static Redactor redactor(String[] args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        continue;
      }
      int eq = a.indexOf('=');
      String name = eq < 0 ? a : a.substring(0, eq);
      if (SECRET_FLAG.matcher(name).matches() && !NAMES_NOT_SECRETS.matcher(name).matches()) {
        if (eq >= 0) {
          values.add(a.substring(eq + 1));
        } else if (i + 1 < args.length) {
          values.add(args[i + 1]);
        }
      }
    }
    return Redactor.of(values);
  }

  /** The message of a command-line error, without any value that may be a secret. */
  static String describe(CommandLine.ParameterException e, Redactor redactor) {
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> flags = new ArrayList<>();
      int others = 0;
      for (String arg : u.getUnmatched()) {
        if (arg.startsWith("-")) {
          int eq = arg.indexOf('=');
          flags.add(eq < 0 ? arg : arg.substring(0, eq) + "=...");
        } else {
          others++;
        }
      }
      String what = flags.isEmpty() ? "" : (flags.size() == 1 ? "Unknown option: " : "Unknown options: ") + String.join(", ", flags);
      String rest = others == 0 ? "" : others + " unexpected argument(s) (not shown: they may hold a secret)";
      return redactor.redact(what + (what.isEmpty() || rest.isEmpty() ? "" : "; ") + rest);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return redactor.redact(message.toLowerCase(Locale.ROOT).startsWith("unknown") ? message.replaceAll("'[^']*'", "'...'") : message);
  }
}
