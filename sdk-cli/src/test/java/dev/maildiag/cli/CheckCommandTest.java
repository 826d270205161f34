package dev.maildiag.cli;

import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCa;
import dev.maildiag.testkit.tls.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
  private static final String[] MISMATCH = {"check", "--offline", "--protocol", "imap", "--host", "imap.example.com", "--port", "993",
      "--security", "none", "--login", "a@example.com", "--access-token", "tok"};

  private static String[] with(String... more) {
    String[] args = java.util.Arrays.copyOf(MISMATCH, MISMATCH.length + more.length);
    System.arraycopy(more, 0, args, MISMATCH.length, more.length);
    return args;
  }

  @Test
  void htmlGoesToTheOutputFileAndProgressStaysOnStderr(@TempDir Path dir) throws Exception {
    Path page = dir.resolve("report.html");
    CliRun run = CliRun.of(with("--format", "html", "--output", page.toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("config.port-security", "maildiag: wrote " + page);
    Document dom = Jsoup.parse(Files.readString(page));
    assertThat(dom.select("ol.path > li.first-broken").eachAttr("data-step")).containsExactly("config");
    assertThat(dom.select("ol.causes > li").first().attr("data-root-cause")).isEqualTo("tls-mode-mismatch");
    assertThat(dom.select("[data-check-id=config.port-security]").attr("data-severity")).isEqualTo("ERROR");
  }

  @Test
  void markdownGoesToStdoutWithoutOutput() {
    CliRun run = CliRun.of(with("--format", "markdown", "-q"));

    assertThat(run.out()).startsWith("## maildiag report: ERROR").contains("| config.port-security |", "| tls-mode-mismatch |",
        "The path breaks at **Configuration**");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnwritableOutputIsAUsageProblem(@TempDir Path dir) {
    CliRun run = CliRun.of(with("-q", "--output", dir.resolve("no/such/dir/report.txt").toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("maildiag: cannot write");
  }

  @Test
  void aTrustStoreThatCannotBeReadIsAUsageErrorEvenThoughTheDiagnosisStartedWithoutIt() {
    try (MockMailServer server = MockMailServer.imap().tls(TestCertificates.localhost()).start()) {
      String[] live = {"check", "--protocol", "imap", "--host", server.host(), "--port", String.valueOf(server.port()),
          "--security", "ssl", "--login", "user@example.test", "--access-token", "tok",
          "-Djavax.net.ssl.trustStore=" + TestCa.get().trustStoreFile()};

      CliRun wrong = CliRun.of(with(live, "-Djavax.net.ssl.trustStorePassword=not-the-password"));
      CliRun right = CliRun.of(with(live, "-Djavax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD));

      assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(wrong.err()).startsWith("maildiag: invalid -Djavax.net.ssl.trustStore: cannot read the trust store")
          .doesNotContain("[1/", "not-the-password");
      assertThat(wrong.out()).isEmpty();
      assertThat(right.err()).contains("[1/", "tls.handshake: TLS to 127.0.0.1");
    }
  }

  private static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
