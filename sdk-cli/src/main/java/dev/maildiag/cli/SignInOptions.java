package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.internal.signin.ConsoleAdministrator;
import dev.maildiag.api.spi.SignIn;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code maildiag check --sign-in device|browser|paste}: sign in as the handler's user first, then diagnose with those tokens. */
final class SignInOptions {
  @Option(names = "--sign-in", paramLabel = "device|browser|paste",
      description = "Sign in interactively first (device code; browser with a loopback redirect; or paste the address the"
          + " browser lands on with the handler's --redirect-uri), then diagnose with the tokens obtained.")
  String flow;

  @Option(names = "--sign-in-timeout", paramLabel = "SECONDS", description = "Time to finish signing in (default 300).")
  String timeout;

  @Option(names = "--sign-in-port", paramLabel = "PORT", description = "Loopback port of the browser sign-in (default: a free one).")
  String port;

  @Option(names = "--save-refresh-token", paramLabel = "FILE",
      description = "Save the refresh token the sign-in obtains to FILE, readable by its owner only (600). Whoever reads"
          + " the file can read the mailbox until the token is revoked.")
  Path saveRefreshToken;

  /** The context with the sign-in to perform, or unchanged without --sign-in. */
  DiagnosticContext apply(DiagnosticContext context, boolean offline, PrintWriter err) {
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
