package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Bad input for the configuration parser: random flag values, random properties files and random JVM proxy
 * properties never escape as an unexpected exception; they are either accepted or a one-line usage error.
 * Seeded, so a failure is reproducible from the seed in its message.
 */
class ConfigurationFuzzTest {
  private static final long SEED = 20261128L;
  private static final int RUNS = 300;
  private static final String[] FLAGS = {"--protocol", "--host", "--port", "--security", "--login", "--mailbox", "--folder",
      "--provider", "--cloud", "--tenant", "--client-id", "--scopes", "--authorization-endpoint", "--token-endpoint",
      "--redirect-uri", "--client-secret", "--client-secret-expires", "--access-token", "--product", "--product-version",
      "--cluster-url", "--node-urls", "--timeout", "--deadline", "--flood-threshold"};

  @TempDir Path dir;

  @Test
  void randomFlagValuesGiveAReportOrAUsageErrorNeverAnInternalError() {
    Random random = new Random(SEED);
    for (int i = 0; i < RUNS; i++) {
      List<String> args = new ArrayList<>(List.of("check", "--offline", "-q", "--format", i % 2 == 0 ? "json" : "text"));
      int flags = 1 + random.nextInt(6);
      for (int f = 0; f < flags; f++) {
        args.add(FLAGS[random.nextInt(FLAGS.length)]);
        args.add(randomValue(random));
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as("run %d (seed %d): %s%n%s", i, SEED, args, run.err()).isIn(0, 1, 2);
      assertThat(run.err()).as("run %d: %s", i, args).doesNotContain("\tat ").doesNotContain("internal error");
    }
  }

  @Test
  void randomPropertiesFilesAreReadOrRejectedInOneLine() throws Exception {
    Random random = new Random(SEED + 1);
    for (int i = 0; i < RUNS / 3; i++) {
      StringBuilder file = new StringBuilder();
      for (int line = 0; line < 1 + random.nextInt(8); line++) {
        String key = random.nextInt(4) == 0 ? randomValue(random) : ContextOptions.KEYS.stream().skip(random.nextInt(ContextOptions.KEYS.size())).findFirst().orElseThrow();
        file.append(key).append(random.nextBoolean() ? "=" : ": ").append(randomValue(random)).append('\n');
      }
      Path config = dir.resolve("c" + i + ".properties");
      Files.write(config, randomBytesSometimes(random, file.toString()));
      CliRun run = CliRun.of("check", "--offline", "-q", "--config", config.toString());
      assertThat(run.exitCode()).as("file %d (seed %d):%n%s%n%s", i, SEED + 1, file, run.err()).isIn(0, 1, 2);
      assertThat(run.err()).doesNotContain("\tat ").doesNotContain("internal error");
    }
  }

  @Test
  void randomJvmProxyPropertiesNeverThrow() {
    Random random = new Random(SEED + 2);
    String[] keys = {"http.proxyHost", "http.proxyPort", "https.proxyHost", "https.proxyPort", "http.nonProxyHosts",
        "socksProxyHost", "socksProxyPort", "mail.imaps.proxy.host", "mail.imaps.proxy.port", "mail.pop3.socks.host",
        "mail.smtp.proxy.password"};
    for (int i = 0; i < RUNS; i++) {
      Properties p = new Properties();
      for (int k = 0; k < 1 + random.nextInt(5); k++) {
        p.setProperty(keys[random.nextInt(keys.length)], randomValue(random));
      }
      assertThatCode(() -> NetworkSettings.from(p).toString()).as("properties %s", p).doesNotThrowAnyException();
    }
  }

  private static byte[] randomBytesSometimes(Random random, String text) {
    if (random.nextInt(5) != 0) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Mostly plausible values with the edge cases configuration typos produce. */
  static String randomValue(Random random) {
    String[] plausible = {"imap", "pop3", "smtp", "IMAPS", "ssl", "starttls", "none", "993", "-1", "0", "65536", "99999999999",
        "outlook.office365.com", "a@example.com", "https://login.microsoftonline.com/common/oauth2/v2.0/token", "http://",
        "2026-13-45", "2027-01-01", "", " ", "\t", "microsoft", "google", "gcc-high", "jira", "9.12.1", "%", "\\u0000", "a,b,,c",
        "https://[::1]:-5/x", "::", "1e9", "NaN", "user@", "@example.com", "<a@b.c>"};
    if (random.nextInt(3) > 0) {
      return plausible[random.nextInt(plausible.length)];
    }
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      s.append((char) (random.nextInt(10) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
    }
    return s.toString();
  }
}
