package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad and hostile input on the command line: exit code 2 and one clear line, no stack trace, no secret
 * repeated; every file option survives device files, FIFOs with and without a writer, and huge files.
 */
class HostileInputTest {
  private static final String[] BASE = {"check", "--offline", "--protocol", "imap"};
  @TempDir Path dir;

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(List.of("-Dmail.imaps.proxy.port=99999"), "port between 1 and 65535"),
        Arguments.of(List.of("-DsocksProxyPort=-5"), "port between 1 and 65535"),
        Arguments.of(List.of("-D="), "-D needs a property name"),
        Arguments.of(List.of("-Dhttps.proxyHost=proxy corp"), "not a host name"),
        Arguments.of(List.of("--token-endpoint", "ftp://login.example.com/token"), "must be an https:// URL"),
        Arguments.of(List.of("--token-endpoint", "file:///etc/passwd"), "must be an https:// URL"),
        Arguments.of(List.of("--authorization-endpoint", "https://exa mple.com/x"), "not a URL"),
        Arguments.of(List.of("--host", "imaps://outlook.office365.com"), "is a URL"),
        Arguments.of(List.of("--host", "outlook office365.com"), "spaces"),
        Arguments.of(List.of("--port", ""), "--port needs a value"),
        Arguments.of(List.of("--timeout", " "), "--timeout needs a value"),
        Arguments.of(List.of("--login", "a@example.com\r\nA9 DELETE INBOX"), "carriage return"),
        Arguments.of(List.of("--folder", "INBOX\u0000"), "NUL"),
        Arguments.of(List.of("--mailbox", "b@example.com\nDELE 1"), "line feed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsExitCodeTwoAndOneClearLine(List<String> extra, String said) {
    List<String> args = new ArrayList<>(List.of(BASE));
    args.addAll(extra);
    defaults(args);
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(said).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("\r").doesNotContain("\u0000").doesNotContain("DELE 1\n");
  }

  @Test
  void aMisspeltSecretFlagDoesNotRepeatTheSecret() {
    CliRun run = CliRun.of("check", "--acess-token", "CANARY-misspelt-4f8a2c1b", "--host", "x.example.com");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--acess-token").doesNotContain("CANARY");
    CliRun attached = CliRun.of("check", "--client-secrte=CANARY-attached-9c7d");
    assertThat(attached.err()).contains("--client-secrte").doesNotContain("CANARY");
  }

  @Test
  void aPropertiesLineHoldingOnlyASecretIsNotRepeated() throws Exception {
    Path config = dir.resolve("handler.properties");
    Files.writeString(config, "protocol=imap\nhost=imap.example.com\nCANARYlineOnlySecret7Xq2\nhots=typo.example.com\n");
    CliRun run = CliRun.of("check", "--offline", "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown setting").contains("hots").contains("1 line(s)").doesNotContain("CANARY");
  }

  /** Every option that names a file, with a device file that never ends. */
  @ParameterizedTest
  @ValueSource(strings = {"--config", "--access-token-file", "--refresh-token-file", "--client-secret-file", "--password-file"})
  void aDeviceFileThatNeverEndsIsRefusedInBoundedMemory(String option) {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    List<String> args = new ArrayList<>(List.of(BASE));
    args.addAll(List.of(option, "/dev/zero"));
    defaults(args);
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("larger than");
  }

  /** A FIFO nobody writes to: refused after the wait, never a hang. */
  @ParameterizedTest
  @ValueSource(strings = {"--config", "--access-token-file", "--password-file"})
  void aFifoWithoutAWriterIsRefusedAfterTheWait(String option) throws Exception {
    Path fifo = fifo("lonely-" + option.replace("-", ""));
    List<String> args = new ArrayList<>(List.of(BASE));
    args.addAll(List.of(option, fifo.toString()));
    defaults(args);
    long t0 = System.nanoTime();
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("gave nothing to read");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(InputFiles.WAIT.toSeconds() + 5);
  }

  /** A FIFO and a pipe with a writer are read like files: configuration, secrets, log, HAR and batch. */
  @Test
  void fifosWithAWriterWorkForEveryFileOption() throws Exception {
    Path config = fifo("config");
    writeLater(config, "protocol=imap\nhost=imap.example.com\nlogin=a@example.com\nsecurity=ssl\n");
    Path token = fifo("token");
    writeLater(token, "tok-from-a-fifo-123\n");
    CliRun check = CliRun.of("check", "--offline", "-q", "--config", config.toString(), "--access-token-file", token.toString());
    assertThat(check.exitCode()).as(check.err()).isZero();

    Path log = fifo("log");
    writeLater(log, "2024-01-01 10:00:00 ERROR A1 NO AUTHENTICATE failed.\n");
    CliRun explainLog = CliRun.of("explain", "--log", log.toString());
    assertThat(explainLog.err()).doesNotContain("Illegal seek");
    assertThat(explainLog.out()).contains("Scanned");

    Path har = fifo("har");
    writeLater(har, "{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://alice:pa55w0rd@jira.example.com/x\"},"
        + "\"response\":{\"status\":200,\"headers\":[{\"name\":\"X-Node\",\"value\":\"node1\"}]}}]}}");
    CliRun explainHar = CliRun.of("explain", "--har", har.toString());
    assertThat(explainHar.err()).doesNotContain("Illegal seek");
    assertThat(explainHar.out() + explainHar.err()).doesNotContain("pa55w0rd");

    Path batch = fifo("batch");
    writeLater(batch, "{\"text\":\"A1 NO AUTHENTICATE failed.\"}\n");
    CliRun explainBatch = CliRun.of("explain", "--batch", batch.toString());
    assertThat(explainBatch.out()).contains("rootCause");
  }

  @Test
  void batchSurvivesInvalidUtf8AndHugeLines() throws Exception {
    Path batch = dir.resolve("batch.jsonl");
    try (OutputStream out = Files.newOutputStream(batch)) {
      out.write("{\"text\":\"A1 NO AUTHENTICATE failed. \u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1)); // 0xff: not UTF-8
      out.write("{\"text\":\"".getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i < 3; i++) {
        out.write(chunk);
      }
      out.write("\"}\n{\"text\":\"535 5.7.3 Authentication unsuccessful\"}\n".getBytes(StandardCharsets.US_ASCII));
    }
    CliRun run = CliRun.of("explain", "--batch", batch.toString());
    List<String> lines = run.out().lines().toList();
    assertThat(lines).as(run.err()).hasSize(3);
    assertThat(lines.get(1)).contains("longer than");
    assertThat(lines.get(2)).contains("rootCause");
  }

  @Test
  void explainRedactsSecretShapesInWhatItQuotes() throws Exception {
    Path log = dir.resolve("app.log");
    Files.writeString(log, String.join("\n",
        "2024-01-01 10:00:00 ERROR A1 NO AUTHENTICATE failed. secret Zx91kLmNoPqRsTuVwXyZ0123",
        "2024-01-01 10:00:01 ERROR 535 5.7.3 Authentication unsuccessful token \"Qw8Er7Ty6Ui5Op4As3Df2\" pass=hunter2xyz",
        "2024-01-01 10:00:02 ERROR AADSTS70000 invalid_grant access_token%3DZx91kLmNoPqRsTuVwXyZ0124 at https://u:pw123456@h.example/")) ;
    CliRun run = CliRun.of("explain", "--log", log.toString());
    assertThat(run.out()).doesNotContain("Zx91kLmNoPqRsTuVwXyZ012").doesNotContain("Qw8Er7Ty6Ui5Op4As3Df2")
        .doesNotContain("hunter2xyz").doesNotContain("pw123456");
  }

  /** Host, login and a token unless the case gives its own (or a file of one). */
  private static void defaults(List<String> args) {
    if (!args.contains("--host")) {
      args.addAll(List.of("--host", "imap.example.com"));
    }
    if (!args.contains("--login")) {
      args.addAll(List.of("--login", "a@example.com"));
    }
    if (!args.contains("--access-token-file") && !args.contains("--config")) {
      args.addAll(List.of("--access-token", "tok-1234567890"));
    }
  }

  private Path fifo(String name) throws Exception {
    Path p = dir.resolve(name);
    Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
    return p;
  }

  private static void writeLater(Path fifo, String content) {
    Thread t = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      } catch (Exception ignored) {
        // the reader went away
      }
    }, "fifo-writer");
    t.setDaemon(true);
    t.start();
  }
}
