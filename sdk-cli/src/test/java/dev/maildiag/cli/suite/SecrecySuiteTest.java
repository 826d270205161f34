package dev.maildiag.cli.suite;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.internal.report.HtmlReport;
import dev.maildiag.api.internal.report.MarkdownReport;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.cli.Main;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import dev.maildiag.testkit.SimulatedBrowser;
import dev.maildiag.testkit.google.GoogleSignInScenarios;
import dev.maildiag.testkit.microsoft.MicrosoftSignInScenarios;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.SignIn;
import java.util.function.Supplier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Secrecy, for every simulated failure mode of every provider: none of the secrets in play (client secret,
 * tokens, passwords, tokens the simulation issued) appears in the JSON or text report, the CLI's stdout and
 * stderr, log output at the most verbose level (this class runs in its own JVM with slf4j at trace, see the
 * pom), Angus Mail's protocol trace (java.util.logging at FINEST) or any exception message in the report.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecrecySuiteTest {
  private static final Map<String, List<Canaries>> CANARIES = new ConcurrentHashMap<>();
  /** A password the simulation did not ask for, so that code paths holding one are exercised too. */
  private static final Secret EXTRA_PASSWORD = Secret.of("CANARY-password-5b1e7d");

  static Stream<Arguments> scenarios() {
    return Scenarios.all().stream().map(s -> Arguments.of(s.provider() + "/" + s.failureMode(), s));
  }

  @BeforeAll
  static void runsInItsOwnJvmAtTheMostVerboseLogLevel() {
    assumeTrue(Boolean.getBoolean("maildiag.suite.secrecy"), "run by the pom's secrecy-suite execution (mvn verify)");
    assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("trace");
  }

  @Test
  void everyProviderHasScenarios() {
    assertThat(scenarios()).isNotEmpty();
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void noSecretAppearsInReportsLogsOrTraces(String name, Scenario scenario) throws Exception {
    List<String> leaks = new ArrayList<>();
    try (Capture capture = Capture.start(); Simulation simulation = scenario.start()) {
      DiagnosticContext context = simulation.context();
      if (context.tokens().password() == null) {
        context = context.toBuilder().password(EXTRA_PASSWORD).build();
      }
      List<Secret> secrets = new ArrayList<>(simulation.secrets());
      secrets.add(EXTRA_PASSWORD);
      Canaries canaries = new Canaries(secrets, context.server().login());
      assertThat(canaries.tooShort(secrets)).as("%s: secrets too short to be canaries", name).isEmpty();
      CANARIES.computeIfAbsent(scenario.provider(), p -> new CopyOnWriteArrayList<>()).add(canaries);

      Report report = simulation.maildiag().diagnose(context);
      leaks.addAll(canaries.leaksIn("the JSON report", ReportJson.write(report)));
      leaks.addAll(canaries.leaksIn("the text report", TextReport.write(report)));
      leaks.addAll(canaries.leaksIn("the HTML report", HtmlReport.write(report, Map.of(), "maildiag")));
      leaks.addAll(canaries.leaksIn("the Markdown report", MarkdownReport.write(report, Map.of(), "maildiag")));
      leaks.addAll(canaries.leaksIn("the report's toString()", report.toString()));

      String logs = capture.text();
      assertThat(logs).as("%s: debug logs were captured", name).contains("DEBUG").contains("diagnosing");
      leaks.addAll(canaries.leaksIn("logs, traces and console output", logs));
    }
    assertThat(leaks).as(name).isEmpty();
  }

  /**
   * The CLI per provider and format ({@code maildiag demo --provider P --format json --debug} runs all its scenarios;
   * html writes a gallery of pages, markdown a file),
   * against the secrets of all its scenarios: the simulations' own secrets are fixed per scenario, and the
   * tokens they issue anew each start are JWTs, which {@link Canaries} finds whole whatever their value.
   */
  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void noSecretAppearsInTheCliOutput(String provider, @TempDir Path dir) throws Exception {
    List<String> leaks = new ArrayList<>();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String logs;
    Path gallery = dir.resolve("gallery");
    Path markdown = dir.resolve("demo.md");
    try (Capture capture = Capture.start()) {
      Main.run(new String[] {"demo", "--provider", provider, "--format", "json", "--debug"}, new PrintWriter(out, true), new PrintWriter(err, true));
      Main.run(new String[] {"demo", "--provider", provider, "--format", "html", "--output", gallery.toString(), "--debug"},
          new PrintWriter(out, true), new PrintWriter(err, true));
      Main.run(new String[] {"demo", "--provider", provider, "--format", "markdown", "--output", markdown.toString(), "--debug"},
          new PrintWriter(out, true), new PrintWriter(err, true));
      logs = capture.text();
    }
    assertThat(out.toString()).as("%s: the demo printed its reports", provider).contains("\"scenarios\"");
    StringBuilder files = new StringBuilder(Files.readString(markdown));
    try (Stream<Path> pages = Files.list(gallery)) {
      for (Path page : pages.toList()) {
        files.append(Files.readString(page));
      }
    }
    assertThat(gallery.resolve("index.html")).as("%s: the gallery was written", provider).exists();
    assertThat(files).as("%s: the gallery and the Markdown file were written", provider).contains("maildiag report", "Path from configuration");
    List<Canaries> all = CANARIES.getOrDefault(provider, List.of());
    assertThat(all).as("%s: the per-scenario test collected the secrets first", provider).isNotEmpty();
    for (Canaries canaries : all) {
      leaks.addAll(canaries.leaksIn("the CLI's stdout", out.toString()));
      leaks.addAll(canaries.leaksIn("the CLI's stderr", err.toString()));
      leaks.addAll(canaries.leaksIn("the CLI's HTML gallery and Markdown file", files.toString()));
      leaks.addAll(canaries.leaksIn("logs, traces and console output of the CLI run", logs));
    }
    assertThat(leaks).as(provider).isEmpty();
  }

  /**
   * Interactive sign-ins, for every sign-in failure mode of both providers: the authorization codes, device codes,
   * PKCE verifiers, access, refresh and ID tokens a sign-in handles never appear in the reports, the logs and traces,
   * or anything the administrator is told (the authorization URL carries only the state and the code challenge).
   * The secrets are collected after the diagnosis, when the simulated platform has issued and received them.
   */
  @Order(3)
  @ParameterizedTest(name = "{0}")
  @MethodSource("signIns")
  void noCodeTokenOrVerifierOfASignInAppears(String name, Supplier<Simulation> start) throws Exception {
    List<String> leaks = new ArrayList<>();
    try (Capture capture = Capture.start(); Simulation simulation = start.get()) {
      DiagnosticContext context = simulation.context();
      SimulatedBrowser administrator = (SimulatedBrowser) context.attribute(SignIn.ATTRIBUTE).orElseThrow().administrator();
      Report report = simulation.maildiag().diagnose(context);
      boolean signedIn = report.findings().stream().anyMatch(f -> f.checkId().equals(SignIn.TOKENS_CHECK) && f.severity() == Severity.OK);
      List<Secret> secrets = simulation.secrets();
      if (signedIn) {
        assertThat(secrets.size()).as("%s: the sign-in's code, verifier and tokens are among the canaries", name)
            .isGreaterThan(simulation.context().oauth().clientSecret() == null ? 4 : 5);
      }
      Canaries canaries = new Canaries(secrets, context.server().login());
      leaks.addAll(canaries.leaksIn("the JSON report", ReportJson.write(report)));
      leaks.addAll(canaries.leaksIn("the text report", TextReport.write(report)));
      leaks.addAll(canaries.leaksIn("what the administrator was told", String.join("\n", administrator.told())));
      leaks.addAll(canaries.leaksIn("logs, traces and console output", capture.text()));
    }
    assertThat(leaks).as(name).isEmpty();
  }

  static Stream<Arguments> signIns() {
    return Stream.concat(
        MicrosoftSignInScenarios.all().stream().map(f -> Arguments.of("microsoft/sign-in/" + f.id(),
            (Supplier<Simulation>) () -> MicrosoftSignInScenarios.start(f.id()))),
        GoogleSignInScenarios.all().stream().map(f -> Arguments.of("google/sign-in/" + f.id(),
            (Supplier<Simulation>) () -> GoogleSignInScenarios.start(f.id()))));
  }

  static Stream<String> providers() {
    return Scenarios.all().stream().map(Scenario::provider).distinct();
  }
}
