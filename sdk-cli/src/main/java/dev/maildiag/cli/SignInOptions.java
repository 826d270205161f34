package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.internal.signin.ConsoleAdministrator;
import dev.maildiag.api.spi.SignIn;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maildiag check --sign-in device|browser|paste}: sign in as the handler's user first, then diagnose with those tokens. */
final class SignInOptions {
  /** Adds the sign-in flags to a command. */
  static void addTo(CommandSpec spec) {
    spec.addOption(Flags.text("--sign-in", "device|browser|paste",
        "Sign in interactively first (device code; browser with a loopback redirect; or paste the address the"
            + " browser lands on with the handler's --redirect-uri), then diagnose with the tokens obtained."));
    spec.addOption(Flags.text("--sign-in-timeout", "SECONDS", "Time to finish signing in (default 300)."));
    spec.addOption(Flags.text("--sign-in-port", "PORT", "Loopback port of the browser sign-in (default: a free one)."));
    spec.addOption(Flags.file("--save-refresh-token", "FILE",
        "Save the refresh token the sign-in obtains to FILE, readable by its owner only (600). Whoever reads"
            + " the file can read the mailbox until the token is revoked."));
  }

  private final CommandSpec spec;

  SignInOptions(CommandSpec spec) {
    this.spec = spec;
  }

  /** The context with the sign-in to perform, or unchanged without --sign-in. */
  DiagnosticContext apply(DiagnosticContext context, boolean offline, PrintWriter err) {
    String flow = Flags.text(spec, "--sign-in");
    String timeout = Flags.text(spec, "--sign-in-timeout");
    String port = Flags.text(spec, "--sign-in-port");
    Path saveRefreshToken = Flags.value(spec, "--save-refresh-token");
    if (flow == null) {
      if (timeout != null || port != null || saveRefreshToken != null) {
        throw new UsageProblem("--sign-in-timeout, --sign-in-port and --save-refresh-token need --sign-in");
      }
      return context;
    }
    SignIn.Flow chosen;
    try {
      chosen = SignIn.Flow.parse(flow);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("--sign-in must be device, browser or paste, not '" + flow + "'");
    }
    if (offline) {
      throw new UsageProblem("--sign-in opens connections; it cannot be combined with --offline");
    }
    // say it before anyone waits for a code: the provider's catalog knows when there is no device flow
    DiagnosticContext completed = Maildiag.create().withDefaults(context);
    if (chosen == SignIn.Flow.DEVICE) {
      completed.attribute(SignIn.NO_DEVICE_FLOW).ifPresent(why -> {
        throw new UsageProblem("no device sign-in: " + why + "; use --sign-in browser or --sign-in paste");
      });
    }
    if (chosen == SignIn.Flow.PASTE && completed.oauth().redirectUri() == null) {
      throw new UsageProblem("--sign-in paste needs the handler's --redirect-uri (the address the browser returns to)");
    }
    SignIn signIn = SignIn.of(chosen, new ConsoleAdministrator(err, System.in))
        .withTimeout(Duration.ofSeconds(timeout == null ? 300 : ContextOptions.integer("--sign-in-timeout", timeout, 1, 3600)))
        .withLoopbackPort(ContextOptions.integer("--sign-in-port", port, 0, 65535));
    if (saveRefreshToken != null) {
      signIn = signIn.savingRefreshTokenTo(saveRefreshToken);
    }
    return context.toBuilder().attribute(SignIn.ATTRIBUTE, signIn).build();
  }
}
