package dev.maildiag.cli;

import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
  /**
   * {@code maildiag demo 2>&1 >/dev/null} in a JVM of its own, as a user runs it: stderr is the progress lines,
   * one per scenario, and nothing of the simulated servers (WireMock's "Request was not matched", Jetty, GreenMail).
   */
  @Test
  void theDemoPrintsOnlyProgressOnStderr(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process demo = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "demo")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(demo.waitFor(5, TimeUnit.MINUTES)).as("the demo finished").isTrue();

    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    List<String> scenarios = Scenarios.all().stream().map(s -> s.provider() + "/" + s.failureMode()).toList();
    assertThat(Files.readString(out)).contains(scenarios.size() + " scenario(s), " + scenarios.size() + " diagnosed as expected");
    assertThat(demo.exitValue()).isZero();
    assertThat(lines).as("stderr of the demo").hasSize(scenarios.size())
        .allSatisfy(l -> assertThat(l).matches("demo: [a-z]+/[a-z0-9-]+: .+"));
    assertThat(lines).extracting(l -> l.split(": ")[1]).containsExactlyElementsOf(scenarios);
  }

  @Test
  void theHtmlGalleryHasAPagePerScenarioAndAnIndexLinkingThem(@TempDir Path dir) throws Exception {
    Path gallery = dir.resolve("gallery");
    CliRun run = CliRun.of("demo", "--provider", "offline", "--format", "html", "--output", gallery.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Scenario> offline = Scenarios.all().stream().filter(s -> s.provider().equals("offline")).toList();
    Document index = Jsoup.parse(Files.readString(gallery.resolve("index.html")));
    List<String> pages = new ArrayList<>();
    index.select("table.gallery a[href]").forEach(a -> pages.add(a.attr("href")));
    assertThat(pages).containsExactlyElementsOf(offline.stream().map(Gallery::pageName).toList());
    for (String page : pages) {
      Document report = Jsoup.parse(Files.readString(gallery.resolve(page)));
      assertThat(report.select("ol.path > li")).as(page).isNotEmpty();
    }
    assertThat(index.select("tr[data-scenario=offline/tls-mode-mismatch] td.mini span.first-broken")).hasSize(1);
    assertThat(run.err()).contains("demo: wrote " + offline.size() + " page(s)");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void htmlWithoutAnOutputDirectoryIsAUsageProblem() {
    CliRun run = CliRun.of("demo", "--provider", "offline", "--format", "html");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--output DIR");
  }

  @Test
  void markdownGoesToTheOutputFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("demo.md");
    CliRun run = CliRun.of("demo", "--provider", "offline", "--format", "markdown", "--output", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file)).contains("| offline | tls-mode-mismatch | tls-mode-mismatch | ERROR |", "# offline / healthy",
        "### Path from configuration to mailbox");
  }
}
