package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.Protocol;
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

/**
 * What the {@code ./maildiag} launcher runs once per build to learn which classes short commands load: the
 * commands an administrator runs while changing settings. {@code offline}: checks that open no connection,
 * explanations and help; {@code live}: healthy live checks over IMAPS and SMTPS against a simulated Exchange
 * Online on loopback. The launcher turns the classes each loads into a class-data-sharing archive, so that each
 * later start maps them instead of reading, parsing and verifying them again. Two archives, since the JVM
 * relocates an archive's every pointer at start: commands that open no connection start faster from the
 * smaller one.
 *
 * <p>Nothing it prints is kept; a step that fails only leaves its classes out of the archive.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    if (args.length == 1 && args[0].equals("live")) {
      for (Protocol protocol : List.of(Protocol.IMAP, Protocol.SMTP)) {
        try {
          liveCheck(none, protocol);
        } catch (Exception | LinkageError e) {
          // the archive is made from whatever loaded; a short command still starts without the rest
        }
      }
      return;
    }
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

  // as an administrator checks a handler: the same command line, its access token in a file, the JVM's trust store
  private static void liveCheck(PrintWriter none, Protocol protocol) throws Exception {
    try (Microsoft365Simulation simulation = Microsoft365Simulation.healthy().protocol(protocol).start()) {
      MailServer server = simulation.context().server();
      Path token = Files.createTempFile("maildiag-training", ".token",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(token, simulation.accessToken().orElseThrow().reveal());
        List<String> args = new ArrayList<>(List.of("check", "--protocol", protocol.name().toLowerCase(Locale.ROOT),
            "--host", server.host(), "--port", Integer.toString(server.effectivePort()),
            "--security", server.security().name().toLowerCase(Locale.ROOT), "--login", server.login(),
            "--access-token-file", token.toString(),
            "-Djavax.net.ssl.trustStore=" + TestCa.get().trustStoreFile(),
            "-Djavax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD));
        run(none, args.toArray(String[]::new));
      } finally {
        Files.deleteIfExists(token);
      }
    }
  }
}
