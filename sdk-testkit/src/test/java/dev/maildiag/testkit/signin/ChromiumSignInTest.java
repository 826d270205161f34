package dev.maildiag.testkit.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The browser sign-in end to end with a real browser: headless Chromium opens the simulated identity platform's
 * authorization URL, runs its sign-in page's script, follows the redirects to maildiag's loopback listener, and the
 * diagnosis goes on with the tokens to the folder. Skipped, saying why, where Chromium is not installed.
 */
class ChromiumSignInTest {
  @Test
  void headlessChromiumFollowsTheSignInToTheLoopbackListener() throws Exception {
    Optional<String> chromium = Stream.of("chromium", "chromium-browser").filter(ChromiumSignInTest::onPath).findFirst();
    if (chromium.isEmpty()) {
      System.out.println("ChromiumSignInTest skipped: no chromium on the PATH (Debian package 'chromium'; .ci/run installs it)");
    }
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed");
    Path profile = Files.createTempDirectory("maildiag-chromium-");
    Chromium browser = new Chromium(chromium.get(), profile);
    try (Microsoft365Simulation m365 = Microsoft365Simulation.healthy().with(s -> s.signIn = SignIn.Flow.BROWSER).start()) {
      DiagnosticContext context = m365.context().toBuilder()
          .attribute(SignIn.ATTRIBUTE, SignIn.of(SignIn.Flow.BROWSER, browser).withTimeout(Duration.ofSeconds(60)))
          .build();
      Report report = m365.maildiag().diagnose(context);

      assertThat(browser.opened).as("chromium was started").isTrue();
      assertThat(severity(report, SignIn.REQUEST_CHECK)).isEqualTo(Severity.OK);
      assertThat(severity(report, SignIn.TOKENS_CHECK)).as(report.findings().toString()).isEqualTo(Severity.OK);
      assertThat(severity(report, SignIn.ACCOUNT_CHECK)).isEqualTo(Severity.OK);
      assertThat(severity(report, "mailbox.folder")).isEqualTo(Severity.OK);
      assertThat(report.findings(Severity.ERROR)).isEmpty();
    } finally {
      browser.close();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static Severity severity(Report report, String checkId) {
    return report.findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst().orElseThrow().severity();
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(File.pathSeparator)).anyMatch(d -> new File(d, program).canExecute());
  }

  /** The administrator with a headless Chromium: no clicking, the simulated sign-in page submits itself. */
  private static final class Chromium implements SignIn.Administrator, AutoCloseable {
    private final String program;
    private final Path profile;
    private final List<Process> processes = new ArrayList<>();
    volatile boolean opened;

    Chromium(String program, Path profile) {
      this.program = program;
      this.profile = profile;
    }

    @Override
    public void tell(String message) {}

    @Override
    public boolean openBrowser(URI url) {
      try {
        // --ignore-certificate-errors: the simulated platform's certificate comes from the test CA, on loopback only
        Process p = new ProcessBuilder(program, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors",
            "--user-data-dir=" + profile, url.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        opened = true;
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public Optional<String> ask(String prompt, Duration timeout) {
      return Optional.empty(); // nothing to paste: the browser returns to the listener
    }

    @Override
    public void close() throws InterruptedException {
      for (Process p : processes) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
      }
    }
  }
}
