package dev.maildiag.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.internal.explain.HarAnalyzer;
import dev.maildiag.api.internal.explain.LogScanner;
import dev.maildiag.api.internal.explain.Observations;
import dev.maildiag.api.internal.report.TerminalText;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.TokenError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated inputs of up to 1 MiB, without a line break, for every parser of user or peer text: the
 * phrases the parsers' patterns look for repeated and mixed at random (seeded), random Base64, random
 * bytes. Each must finish (a quadratic parser takes minutes at 1 MiB: the time limit catches it) and never
 * throw anything but its documented refusal. How flat the time per MiB is, is figure 7 of the benchmarks.
 */
class LinearParsersTest {
  private static final int MIB = 1024 * 1024;
  private static final String[] PHRASES = {"XOAUTH2 ", "A1 NO AUTHENTICATE failed. ", "eyJ", "token=", "Bearer ", "dXNlcj",
      "https://", "{\"status\":", "secret ", "AUTH ", "%3D", "AADSTS50000 ", "password: ", "(400)", "failed: 334", "{999}",
      "Basic ", "code=", "user@", "\\\"", "-ERR ", "535 5.7.3 ", "access_token", "://a:b@", "\u001b[2J"};
  private static final Explainer EXPLAINER = Explainer.discover();
  private static final Redactor REDACTOR = Redactor.of(List.of("Zx91kLmNoPqRsTuVwXyZ0123-secret"));

  static Stream<Arguments> inputs() {
    List<Arguments> all = new ArrayList<>();
    long seed = 20261130;
    for (int size : new int[] {64 * 1024, MIB}) {
      String[] phrases = size == MIB ? new String[] {"XOAUTH2 ", "A1 NO AUTHENTICATE failed. "}
          : new String[] {"XOAUTH2 ", "A1 NO AUTHENTICATE failed. ", "eyJ", "token=", "dXNlcj"};
      for (String phrase : phrases) {
        all.add(Arguments.of("'" + phrase.strip() + "' x " + size, repeat(phrase, size)));
      }
      all.add(Arguments.of("mixed phrases " + size + " (seed " + seed + ")", mixed(size, seed)));
      all.add(Arguments.of("random Base64 " + size + " (seed " + seed + ")", base64(size, seed)));
      all.add(Arguments.of("random bytes " + size + " (seed " + seed + ")", randomBytes(size, seed)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyParserReadsItInBoundedTime(String name, String text) throws Exception {
    assertThat(EXPLAINER.explain(Observations.of(text, "auto", null))).isNotNull();
    assertThat(EXPLAINER.explain(Observations.of(text, "google", "imap"))).isNotNull();
    String redacted = REDACTOR.redact(text);
    assertThat(REDACTOR.redact(redacted)).as("redaction is idempotent").isEqualTo(redacted);
    assertThat(LogScanner.of(EXPLAINER, null).scanAnyStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isNotNull();
    assertThat(TokenError.parse(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + text.replaceAll("[\"\\\\]", "") + "\"}"))
        .isNotNull();
    assertThat(TerminalText.block(text)).doesNotContain("\u001b");
    try {
      HarAnalyzer.analyze(new ByteArrayInputStream(har(text).getBytes(StandardCharsets.UTF_8)));
    } catch (IOException refusal) {
      assertThat(refusal.getMessage()).isNotBlank(); // the documented refusal: a message, never a crash
    }
  }

  static String repeat(String unit, int bytes) {
    StringBuilder sb = new StringBuilder(bytes);
    while (sb.length() < bytes) {
      sb.append(unit);
    }
    sb.setLength(bytes);
    return sb.toString();
  }

  static String mixed(int bytes, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(bytes);
    while (sb.length() < bytes) {
      sb.append(PHRASES[random.nextInt(PHRASES.length)]);
      if (random.nextInt(3) == 0) {
        sb.append((char) (0x21 + random.nextInt(0x5d)));
      }
    }
    sb.setLength(bytes);
    return sb.toString();
  }

  static String base64(int bytes, long seed) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(bytes);
    for (int i = 0; i < bytes; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static String randomBytes(int bytes, long seed) {
    byte[] b = new byte[bytes];
    new Random(seed).nextBytes(b);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  /** A HAR with the text as a URL path and, in 100-byte pieces, as many headers of one name. */
  static String har(String text) {
    String clean = text.replaceAll("[\"\\\\\\p{Cntrl}]", "_");
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < clean.length(); i += 100) {
      headers.append(headers.length() == 0 ? "" : ",").append("{\"name\":\"Set-Cookie\",\"value\":\"")
          .append(clean, i, Math.min(clean.length(), i + 100)).append("\"}");
    }
    return "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET\",\"url\":\"https://jira.example.com/" + clean.replace(' ', '_')
        + "\"},\"response\":{\"status\":200,\"headers\":[" + headers + "]}}]}}";
  }
}
