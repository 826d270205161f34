package dev.maildiag.api.internal.explain;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Explainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

class LogScannerTest {
  static final LogScanner SCANNER = LogScanner.of(Explainer.of(List.of(new GenericSignatures())), null);

  static final String LOG = String.join("\n",
      "2024-03-01 10:00:00,001+0000 INFO [main] Starting mail service",
      "2024-03-01 10:00:05,000+0000 ERROR [Caesium-1-3] Mail error",
      "jakarta.mail.MessagingException: Couldn't connect to host, port: imap.example.com, 993",
      "Caused by: java.net.UnknownHostException: imap.example.com",
      "\tat java.base/java.net.InetAddress.getAllByName(InetAddress.java:1)",
      "2024-03-01 10:05:00,000+0000 INFO [main] Polling Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123",
      "2024-03-01 10:10:00,000+0000 ERROR [x] java.net.UnknownHostException: imap.example.com token=sekret-value-123",
      "2024-03-01 10:20:00,000+0000 ERROR [x] java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\"",
      "2024-03-01 10:30:00,000+0000 ERROR [x] UNKNOWNHOSTEXCEPTION again",
      "last line without newline");

  @Test
  void countsEachRootCauseWithFirstAndLastTimeSeenAndLineNumbers() throws IOException {
    LogReport report = SCANNER.scan(new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)));

    assertThat(report.lines()).isEqualTo(10);
    LogFinding dns = finding(report, RootCause.DNS_FAILURE);
    assertThat(dns.count()).isEqualTo(3);
    assertThat(dns.firstSeen()).isEqualTo("2024-03-01 10:00:05,000+0000"); // the entry the stack line belongs to
    assertThat(dns.lastSeen()).isEqualTo("2024-03-01 10:30:00,000+0000");
    assertThat(dns.firstLine()).isEqualTo(4);
    assertThat(dns.lastLine()).isEqualTo(9);
    assertThat(dns.example()).contains("UnknownHostException");
    LogFinding proxy = finding(report, RootCause.PROXY_BLOCKING);
    assertThat(proxy.count()).isEqualTo(1);
    assertThat(proxy.firstSeen()).isEqualTo("2024-03-01 10:20:00,000+0000").isEqualTo(proxy.lastSeen());
    assertThat(report.findings().get(0).rootCause()).isEqualTo(RootCause.DNS_FAILURE); // most frequent first
  }

  @Test
  void readsGzipAndCrLfTheSame(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("atlassian-jira.log.1"); // recognised by content, not by name
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(LOG.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    LogReport report = SCANNER.scan(gz);

    assertThat(report.lines()).isEqualTo(10);
    assertThat(finding(report, RootCause.DNS_FAILURE).count()).isEqualTo(3);
    assertThat(finding(report, RootCause.DNS_FAILURE).lastSeen()).isEqualTo("2024-03-01 10:30:00,000+0000");
    assertThat(finding(report, RootCause.DNS_FAILURE).example()).doesNotEndWith("\r");
  }

  @Test
  void examplesNeverQuoteSecrets() throws IOException {
    String log = "2024-03-01 10:10:00 ERROR refresh_token=0.AAAAsecretrefresh invalid_grant for Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig\n";
    LogReport report = SCANNER.scan(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));

    String example = finding(report, RootCause.REFRESH_TOKEN_INVALID).example();
    assertThat(example).doesNotContain("secretrefresh").doesNotContain("eyJzdWIi").contains("invalid_grant");
  }

  @Test
  void linesLongerThanTheBufferAndManyLinesAreCountedExactly() throws IOException {
    StringBuilder log = new StringBuilder();
    log.append("x".repeat(3 << 20)).append('\n'); // longer than the 1 MiB buffer
    for (int i = 0; i < 50_000; i++) {
      log.append("2024-03-01 10:00:00 INFO nothing to see here, request ").append(i).append('\n');
    }
    log.append("2024-03-02 11:00:00 WARN Connection refused\n");
    LogReport report = SCANNER.scan(new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)));

    assertThat(report.lines()).isEqualTo(50_002);
    LogFinding refused = finding(report, RootCause.NETWORK_BLOCKED);
    assertThat(refused.count()).isEqualTo(1);
    assertThat(refused.firstLine()).isEqualTo(50_002);
    assertThat(refused.firstSeen()).isEqualTo("2024-03-02 11:00:00");
  }

  @Test
  void countsLinesPerHourAndCauseInLogOrder() throws IOException {
    LogReport report = SCANNER.scan(new ByteArrayInputStream((LOG + "\n2024-03-01T11:59:59Z ERROR UnknownHostException\n")
        .getBytes(StandardCharsets.UTF_8)));

    assertThat(report.perHour()).containsOnlyKeys("2024-03-01 10", "2024-03-01 11");
    assertThat(report.perHour().get("2024-03-01 10")).containsOnly(java.util.Map.entry(RootCause.DNS_FAILURE, 3L),
        java.util.Map.entry(RootCause.NETWORK_BLOCKED, 1L), java.util.Map.entry(RootCause.PROXY_BLOCKING, 1L));
    assertThat(report.perHour().get("2024-03-01 11")).containsExactly(java.util.Map.entry(RootCause.DNS_FAILURE, 1L));
    assertThat(new java.util.ArrayList<>(report.perHour().keySet())).containsExactly("2024-03-01 10", "2024-03-01 11");
    assertThat(LogScanner.hourOf("Oct 12 08:02:36")).isEqualTo("Oct 12 08");
  }

  @Test
  void readsTheTimeStampsOfOtherLogFormats() throws IOException {
    String log = String.join("\n",
        "Oct 12 08:02:36 host java[123]: java.net.UnknownHostException: imap.example.com",
        "12-Oct-2022 09:00:00.123 SEVERE [main] mail failed",
        "\tCaused by: java.net.UnknownHostException: imap.example.com",
        "01-07 19:08:12.205 26970 30004 W ImapConnection: java.net.UnknownHostException: imap.example.com", "");
    LogFinding dns = finding(SCANNER.scan(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))), RootCause.DNS_FAILURE);

    assertThat(dns.count()).isEqualTo(3);
    assertThat(dns.firstSeen()).isEqualTo("Oct 12 08:02:36");
    assertThat(dns.lastSeen()).isEqualTo("01-07 19:08:12.205");
    assertThat(LogScanner.timeOf("12-Oct-2022 09:00:00.123 SEVERE")).isEqualTo("12-Oct-2022 09:00:00.123");
  }

  @Test
  void aCleanLogHasNoFindings() throws IOException {
    LogReport report = SCANNER.scan(new ByteArrayInputStream("all good\nstill good\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(report.findings()).isEmpty();
    assertThat(report.lines()).isEqualTo(2);
  }

  @Test
  void keywordsArePrefilterLiteralsOfTheTables() {
    assertThat(SCANNER.keywords()).contains("unknownhostexception", "unable to tunnel through proxy");
  }

  private static LogFinding finding(LogReport report, String rootCause) {
    return report.findings().stream().filter(f -> f.rootCause().equals(rootCause)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + rootCause + " in " + report.findings()));
  }
}
