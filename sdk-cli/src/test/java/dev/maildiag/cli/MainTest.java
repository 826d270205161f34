package dev.maildiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maildiag.api.internal.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
  @TempDir Path dir;

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("check").contains("demo").contains("Exit codes");
  }

  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("maildiag ");
  }

  @Test
  void everyCommandAnswersVersionWithTheTool() {
    for (String command : new String[] {"check", "explain", "demo"}) {
      CliRun run = CliRun.of(command, "-V");
      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("maildiag ").isEqualTo(CliRun.of("--version").out());
    }
  }

  @Test
  void helpOfEachCommandListsItsFlagsWithTheirValuesAndTheInheritedDebugFlag() {
    CliRun check = CliRun.of("check", "--help");
    assertThat(check.exitCode()).isZero();
    assertThat(check.out()).startsWith("Usage: maildiag check [-hqV] [--debug] [--offline]")
        .contains("--host=<host>", "--client-secret-file=FILE", "-D=KEY=VALUE", "--sign-in=device|browser|paste",
            "--format=text|json|html|markdown", "-o, --output=FILE", "-h, --help", "-V, --version", "--debug")
        .contains("Exit codes: 0 no problem found");
    CliRun explain = CliRun.of("explain", "--help");
    assertThat(explain.out()).contains("[--node-urls=URL[,URL...]]... [TEXT...]", "--requests=<requests>")
        .doesNotContain("--phrases");
  }

  @Test
  void portSecurityMismatchIsAnErrorFindingAndExitCodeOne() throws Exception {
    CliRun run = CliRun.of("check", "--protocol", "imap", "--host", "imap.example.com", "--port", "993", "--security", "none",
        "--login", "a@example.com", "--format", "json", "--offline");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(report.get("verdict").asText()).isEqualTo("ERROR");
    JsonNode mismatch = null;
    for (JsonNode f : report.get("findings")) {
      if (f.get("checkId").asText().equals("config.port-security")) {
        mismatch = f;
      }
    }
    assertThat(mismatch).isNotNull();
    assertThat(mismatch.get("severity").asText()).isEqualTo("ERROR");
    assertThat(mismatch.get("rootCause").asText()).isEqualTo("tls-mode-mismatch");
    assertThat(run.err()).contains("config.port-security");
  }

  @Test
  void aHealthyOfflineConfigurationExitsZeroAndQuietPrintsNoProgress() {
    CliRun run = CliRun.of("check", "--offline", "-q", "--protocol", "imap", "--host", "imap.example.com",
        "--login", "a@example.com", "--access-token", "tok");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Verdict: OK");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void warningsFailOnlyWhenAskedTo() {
    String[] args = {"check", "--offline", "-q", "--protocol", "imap", "--host", "h.example.com", "--port", "143", "--security", "none",
        "--login", "a@example.com", "--access-token", "tok"};
    assertThat(CliRun.of(args).exitCode()).isZero();
    String[] failOnWarning = java.util.Arrays.copyOf(args, args.length + 2);
    failOnWarning[args.length] = "--fail-on";
    failOnWarning[args.length + 1] = "warning";
    assertThat(CliRun.of(failOnWarning).exitCode()).isEqualTo(ExitCodes.PROBLEMS);
  }

  @Test
  void badUsageIsOneLineAndExitCodeTwo() {
    CliRun unknown = CliRun.of("check", "--no-such-flag");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("Unknown option").doesNotContain("Exception").doesNotContain("\tat ");

    CliRun badPort = CliRun.of("check", "--port", "99999");
    assertThat(badPort.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badPort.err()).contains("port must be between 0 and 65535");

    CliRun badProtocol = CliRun.of("check", "--protocol", "ftp");
    assertThat(badProtocol.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badProtocol.err()).contains("unknown protocol 'ftp'");
  }

  @Test
  void configFileProvidesSettingsAndFlagsWin() throws Exception {
    Path config = dir.resolve("handler.properties");
    Files.writeString(config, "protocol=imap\nhost=imap.example.com\nport=993\nsecurity=none\nlogin=a@example.com\naccess-token=tok\n");

    assertThat(CliRun.of("check", "--offline", "-q", "--config", config.toString()).exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(CliRun.of("check", "--offline", "-q", "--config", config.toString(), "--security", "ssl").exitCode()).isZero();
  }

  @Test
  void unreadableOrMistypedConfigFilesAreUsageErrors() throws Exception {
    CliRun missing = CliRun.of("check", "--config", dir.resolve("nope.properties").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("cannot read --config");

    Path typo = dir.resolve("typo.properties");
    Files.writeString(typo, "hots=imap.example.com\n");
    CliRun run = CliRun.of("check", "--config", typo.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown setting(s)").contains("hots");
  }

  @Test
  void secretsFromFilesAreUsedAndNeverPrinted() throws Exception {
    Path token = dir.resolve("token.txt");
    Files.writeString(token, "CANARY-file-token\n");
    CliRun run = CliRun.of("check", "--offline", "--protocol", "imap", "--host", "imap.example.com", "--login", "a@example.com",
        "--access-token-file", token.toString(), "--client-secret", "CANARY-flag-secret", "--format", "json", "--debug");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out() + run.err()).doesNotContain("CANARY");
  }

  @Test
  void aMissingSecretVariableIsAUsageError() {
    CliRun run = CliRun.of("check", "--access-token-env", "MAILDIAG_TEST_SURELY_UNSET_VARIABLE");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("MAILDIAG_TEST_SURELY_UNSET_VARIABLE").contains("is not set");
  }

  @Test
  void demoListsAndRunsTheOfflineSamplesAsJson() throws Exception {
    CliRun list = CliRun.of("demo", "--list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("offline").contains("healthy").contains("tls-mode-mismatch");

    CliRun run = CliRun.of("demo", "--provider", "offline", "--format", "json");
    assertThat(run.exitCode()).isZero();
    JsonNode scenarios = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("scenarios");
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode s : scenarios) {
      assertThat(s.has("provider") && s.has("failureMode") && s.has("diagnosedRootCause") && s.has("verdict") && s.has("report")).isTrue();
      if (!s.get("failureMode").asText().equals("healthy")) {
        assertThat(s.get("diagnosedRootCause").asText()).isEqualTo(s.get("failureMode").asText());
      }
    }
  }

  @Test
  void demoWithAnUnknownScenarioIsAUsageError() {
    CliRun run = CliRun.of("demo", "--scenario", "no-such-failure");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no scenario matches");
  }
}
