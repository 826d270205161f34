package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import dev.maildiag.testkit.tls.TestCa;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the {@code ./maildiag} launcher runs once per build to learn which classes short commands load: the
 * commands an administrator runs while changing settings. {@code offline}: checks that open no connection,
 * explanations and help, run here. {@code live FILE}: healthy live checks (IMAPS and SMTPS, with an access token
 * and with a refresh token and client secret) against a simulated Exchange Online on loopback, each run as the
 * administrator runs it, by {@code java -jar maildiag.jar} in a process of its own that lists the classes it loads
 * in {@code FILE.n}; the simulated servers stay in this process, so their classes stay out of the list. The launcher
 * turns each set into a class-data-sharing archive, so that later starts map those classes instead of reading,
 * parsing and verifying them again. Two archives, since the JVM relocates an archive's every pointer at start:
 * commands that open no connection start faster from the smaller one.
 *
 * <p>Nothing the commands print is kept; a step that fails only leaves its classes out of the archive.
 */
public final class StartupTraining {
  private static final long CHECK_TIMEOUT_SECONDS = 60;

  private StartupTraining() {}

  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("live")) {
      live(args[1]);
      return;
    }
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    String[] offline = {"check", "--offline", "--protocol", "imap", "--host", "outlook.office365.com", "--port", "993",
        "--security", "ssl", "--login", "helpdesk@contoso.com", "--tenant", "contoso.onmicrosoft.com",
        "--client-id", "00000000-1111-2222-3333-444444444444"};
    run(none, offline);
    run(none, "check", "--offline", "--protocol", "imap", "--host", "imap.gmail.com", "--login", "helpdesk@example.com",
        "--provider", "google", "--client-id", "1234-abc.apps.googleusercontent.com");
    run(none, "explain", "A1 NO AUTHENTICATE failed.");
    run(none, "explain", "AADSTS700082: The refresh token has expired due to inactivity.");
    run(none, "--help");
    run(none, "check", "--help");
    run(none, "explain", "--help");
  }

  private static void run(PrintWriter none, String... args) {
    try {
      Main.run(args, none, none);
    } catch (RuntimeException e) {
      // as in main(): nothing here may stop the other commands from teaching their classes
    }
  }

  private static void live(String classList) {
    int n = 0;
    for (Protocol protocol : List.of(Protocol.IMAP, Protocol.SMTP)) {
      for (boolean refresh : new boolean[] {false, true}) {
        try {
          liveCheck(protocol, refresh, classList + "." + n++);
        } catch (Exception | LinkageError e) {
          // the archive is made from whatever was learnt; a short command still starts without the rest
        }
      }
    }
  }

  // as an administrator checks a handler: the same command line, secrets in files, the JVM's trust store given
  private static void liveCheck(Protocol protocol, boolean refresh, String classList) throws Exception {
    try (Microsoft365Simulation simulation = Microsoft365Simulation.healthy().protocol(protocol).start()) {
      DiagnosticContext context = simulation.context();
      MailServer server = context.server();
      Path dir = Files.createTempDirectory("maildiag-training",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      try {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:DumpLoadedClassList=" + classList, "-XX:TieredStopAtLevel=1", "-jar", jar().toString(),
            "check", "--protocol", protocol.name().toLowerCase(Locale.ROOT),
            "--host", server.host(), "--port", Integer.toString(server.effectivePort()),
            "--security", server.security().name().toLowerCase(Locale.ROOT), "--login", server.login(),
            "-Djavax.net.ssl.trustStore=" + TestCa.get().trustStoreFile(),
            "-Djavax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD));
        if (refresh) {
          OAuthClient oauth = context.oauth();
          command.addAll(List.of("--provider", "microsoft", "--tenant", oauth.tenant(), "--client-id", oauth.clientId(),
              "--token-endpoint", oauth.tokenEndpoint(), "--authorization-endpoint", oauth.authorizationEndpoint(),
              "--scopes", String.join(" ", oauth.scopes()),
              "--client-secret-file", secretFile(dir, "secret", oauth.clientSecret()).toString(),
              "--refresh-token-file", secretFile(dir, "refresh", context.tokens().refreshToken()).toString()));
        } else {
          command.addAll(List.of("--access-token-file", secretFile(dir, "token", simulation.accessToken().orElseThrow()).toString()));
        }
        Process check = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!check.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          check.destroyForcibly();
        }
      } finally {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
  }

  private static Path secretFile(Path dir, String name, Secret secret) throws java.io.IOException {
    return Files.writeString(dir.resolve(name), secret.reveal());
  }

  private static Path jar() throws java.net.URISyntaxException {
    return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
