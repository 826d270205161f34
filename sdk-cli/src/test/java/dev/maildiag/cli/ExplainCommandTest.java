package dev.maildiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maildiag.testkit.cluster.LoopbackCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void aDistinctiveTextRanksItsCauseFirstWithRemediation() throws IOException {
    CliRun run = CliRun.of("explain", "--format", "json", "AADSTS7000222: The provided client secret keys for app '1' are expired.");

    assertThat(run.exitCode()).isZero();
    JsonNode first = JSON.readTree(run.out()).get("candidates").get(0);
    assertThat(first.get("rootCause").asText()).isEqualTo("client-secret-expired");
    assertThat(first.get("confidence").asDouble()).isGreaterThan(0.9);
    assertThat(first.get("summary").asText()).isEqualTo("The OAuth client secret has expired");
    assertThat(first.get("remediation").get(0).asText()).contains("new client secret");
    assertThat(first.get("evidence").get(0).asText()).contains("AADSTS7000222");
  }

  @Test
  void anAmbiguousTextListsEveryPlausibleCauseRanked() throws IOException {
    CliRun run = CliRun.of("explain", "--format", "json", "--provider", "microsoft", "A1 NO AUTHENTICATE failed.");

    assertThat(run.exitCode()).isZero();
    List<String> ids = new ArrayList<>();
    JSON.readTree(run.out()).get("candidates").forEach(c -> ids.add(c.get("rootCause").asText()));
    assertThat(ids).contains("protocol-disabled", "no-license", "mailbox-permission", "scopes", "wrong-user-authorized");
  }

  @Test
  void nothingRecognisedIsAnEmptyListAndExitOne() throws IOException {
    CliRun run = CliRun.of("explain", "--format", "json", "the weather is nice today");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(JSON.readTree(run.out()).get("candidates")).isEmpty();
  }

  @Test
  void textOutputShowsCausesWhyAndFix() {
    CliRun run = CliRun.of("explain", "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("smtp-auth-disabled").contains("Why:").contains("Fix:").contains("Set-CASMailbox");
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(CliRun.of("explain").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("explain", "--provider", "yahoo", "x").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("explain", "--log", "a.log", "some text").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("explain", "--format", "xml", "x").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun missing = CliRun.of("explain", "--log", dir.resolve("missing.log").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void batchWritesOneResultPerLineInOrder() throws IOException {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":1,\"text\":\"AADSTS50011: The redirect URI specified in the request does not match\"}",
        "{\"text\":\"nothing to see\"}",
        "",
        "not json",
        "{\"text\":\"[AUTHENTICATIONFAILED] Invalid credentials (Failure)\",\"provider\":\"google\",\"protocol\":\"imap\"}",
        "{\"text\":\"NO AUTHENTICATE failed.\",\"provider\":\"google\"}") + "\n");

    CliRun run = CliRun.of("explain", "--batch", in.toString());

    assertThat(run.exitCode()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(6);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("id").asInt()).isEqualTo(1);
    assertThat(first.get("candidates").get(0).get("rootCause").asText()).isEqualTo("redirect-uri-mismatch");
    assertThat(JSON.readTree(lines.get(1)).get("candidates")).isEmpty();
    assertThat(JSON.readTree(lines.get(2)).get("error").asText()).isEqualTo("empty line");
    assertThat(JSON.readTree(lines.get(3)).get("error").asText()).isEqualTo("not a JSON object");
    assertThat(JSON.readTree(lines.get(4)).get("candidates").get(0).get("rootCause").asText()).isEqualTo("access-token-expired");
    // Exchange's wording told as Google's: the Microsoft table stays silent
    assertThat(JSON.readTree(lines.get(5)).get("candidates").toString()).doesNotContain("protocol-disabled");
  }

  @Test
  void aGzippedLogIsAggregatedByRootCause() throws IOException {
    Path log = dir.resolve("atlassian-jira-incoming-mail.log.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
      out.write(String.join("\n",
          "2022-10-12 08:02:36,237+0000 ERROR [] Caesium-1-3 ServiceRunner Exception when MailPullerWorker pulls emails: "
              + "com.atlassian.jira.internal.mail.processor.errors.MailConnectionException: OAuth token not defined for connection. OAuth Authorisation required.",
          "2022-10-12 08:03:00,000+0000 INFO all fine",
          "2022-10-12 08:04:36,237+0000 ERROR [] Caesium-1-3 ServiceRunner Exception when MailPullerWorker pulls emails: "
              + "com.atlassian.jira.internal.mail.processor.errors.MailConnectionException: OAuth token not defined for connection. OAuth Authorisation required.",
          "2022-10-12 09:00:00,000+0000 ERROR AADSTS7000222: The provided client secret keys are expired. client_secret=abcdef123456",
          "") .getBytes(StandardCharsets.UTF_8));
    }

    CliRun run = CliRun.of("explain", "--format", "json", "--log", log.toString());

    assertThat(run.exitCode()).isZero();
    JsonNode report = JSON.readTree(run.out());
    JsonNode beta = report.get("log").get("findings").get(0);
    assertThat(beta.get("rootCause").asText()).isEqualTo("multi-channel-beta");
    assertThat(beta.get("count").asInt()).isEqualTo(2);
    assertThat(beta.get("firstSeen").asText()).isEqualTo("2022-10-12 08:02:36,237+0000");
    assertThat(beta.get("lastSeen").asText()).isEqualTo("2022-10-12 08:04:36,237+0000");
    assertThat(report.get("candidates").get(0).get("rootCause").asText()).isEqualTo("client-secret-expired");
    assertThat(run.out()).doesNotContain("abcdef123456");
  }

  @Test
  void aHarWithANodeSwitchIsSessionStickinessWithoutSecrets() throws IOException {
    Path har = dir.resolve("flow.har");
    Files.writeString(har, """
        {"log":{"entries":[
          {"request":{"method":"GET","url":"https://jira.example.com/secure/admin/IncomingMailServers.jspa",
             "headers":[{"name":"Cookie","value":"JSESSIONID=SECRETSESSION.node1"}]},
           "response":{"status":200,"headers":[{"name":"X-ANODEID","value":"node1"}],"content":{"text":"<html/>"}}},
          {"request":{"method":"GET","url":"https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1&response_type=code&redirect_uri=https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth2%2Fcallback&state=SECRETSTATE"},
           "response":{"status":200,"headers":[]}},
          {"request":{"method":"GET","url":"https://jira.example.com/plugins/servlet/oauth2/callback?code=SECRETCODE&state=SECRETSTATE"},
           "response":{"status":302,"headers":[{"name":"X-ANODEID","value":"node2"},{"name":"Set-Cookie","value":"JSESSIONID=SECRETNEW.node2; Path=/"}]}}]}}
        """);

    for (String format : List.of("json", "text")) {
      CliRun run = CliRun.of("explain", "--format", format, "--har", har.toString());
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("session-stickiness").contains("node2").doesNotContain("SECRET");
    }
    JsonNode json = JSON.readTree(CliRun.of("explain", "--format", "json", "--har", har.toString()).out());
    assertThat(json.get("har").get("switches").get(0).get("url").asText()).isEqualTo("https://jira.example.com/plugins/servlet/oauth2/callback");
  }

  @Test
  void theClusterProbeTellsStickyFromRoundRobin() throws IOException {
    try (LoopbackCluster sticky = LoopbackCluster.sticky(2); LoopbackCluster roundRobin = LoopbackCluster.roundRobin(2)) {
      CliRun ok = CliRun.of("explain", "--format", "json", "--cluster-url", sticky.baseUrl(), "--node-urls", String.join(",", sticky.nodeUrls()));
      assertThat(ok.exitCode()).isEqualTo(ExitCodes.PROBLEMS); // nothing wrong recognised
      assertThat(JSON.readTree(ok.out()).get("cluster").get("note").asText()).contains("sticky");

      CliRun bad = CliRun.of("explain", "--cluster-url", roundRobin.baseUrl(), "--requests", "4");
      assertThat(bad.exitCode()).isZero();
      assertThat(bad.out()).contains("session-stickiness").contains("node1, node2, node1, node2");
    }
  }
}
