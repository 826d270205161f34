package dev.maildiag.realpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Runs one case: a diagnosis, its row in docs/real-peers.md, and the two promises every case keeps. */
final class Cases {
  /** {@code --timeout} of every case, in seconds; a failing case must report within 1.5 x this. */
  static final int TIMEOUT = 5;
  static final String HEALTHY = "-";

  static {
    // the first diagnosis in a JVM also pays for loading and compiling maildiag: not what a case measures
    Diagnosis.run(List.of("--protocol", "imap", "--host", "127.0.0.1", "--login", "warm-up@example.test", "--access-token", "x", "--offline"));
  }

  private Cases() {}

  /** A fresh working directory under target/ for one server or case. */
  static Path work(String name) {
    try {
      Path p = Path.of("target", "real-peers", name + "-" + Long.toHexString(System.nanoTime())).toAbsolutePath();
      return Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the calling suite, saying why in the build output and in docs/real-peers.md. */
  static void assumeAvailable(String suite, java.util.Optional<String> unavailable) {
    unavailable.ifPresent(reason -> RealPeersTable.skipped(suite, reason));
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> suite + " not run: " + unavailable.orElse(""));
  }

  /** A token in a file, as an administrator passes it (--access-token-file). */
  static Path tokenFile(String token) {
    try {
      Path f = Files.createTempFile(Files.createDirectories(Path.of("target", "real-peers").toAbsolutePath()), "token", ".txt");
      Files.writeString(f, token);
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The flags for one mail server, with the test CA trusted the way a handler's JVM is told: -Djavax.net.ssl.trustStore. */
  static List<String> mail(String protocol, String host, int port, String security, String login, String token) {
    List<String> args = untrusted(protocol, host, port, security, login, token);
    args.addAll(trustTestCa());
    return args;
  }

  /** The flags for one mail server, with only the JVM's default trust (the test CA is not trusted). */
  static List<String> untrusted(String protocol, String host, int port, String security, String login, String token) {
    List<String> args = new ArrayList<>(List.of("--protocol", protocol, "--host", host, "--port", Integer.toString(port),
        "--security", security, "--login", login, "--timeout", Integer.toString(TIMEOUT)));
    if (token != null) {
      args.addAll(List.of("--access-token-file", tokenFile(token).toString()));
    }
    return args;
  }

  static List<String> trustTestCa() {
    try {
      Path store = PemFiles.caTrustStore(Files.createDirectories(Path.of("target", "real-peers").toAbsolutePath()));
      return List.of("-Djavax.net.ssl.trustStore=" + store, "-Djavax.net.ssl.trustStorePassword=changeit",
          "-Djavax.net.ssl.trustStoreType=PKCS12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Diagnoses, records the row, and asserts: the expected root cause is named first (a healthy case: verdict OK,
   * no cause), and a failing case reports within 1.5 x --timeout.
   */
  static Diagnosis expect(String suite, String name, String server, String broken, String expected, List<String> args) {
    Diagnosis d = Diagnosis.run(args);
    String answer = d.serverAnswer();
    RealPeersTable.add(new RealPeersTable.Row(suite, name, server, broken, answer, d.verdict(), d.topCause(), expected,
        d.seconds(), TIMEOUT));
    System.out.printf(java.util.Locale.ROOT, "[real-peers] %s / %s: %s %s in %.1f s%s%n", suite, name, d.verdict(), d.topCause(), d.seconds(),
        d.steps());
    String why = name + ": " + d.report().toPrettyString() + "\n" + d.stderr();
    if (HEALTHY.equals(expected)) {
      assertThat(d.verdict()).as(why).isEqualTo("OK");
      assertThat(d.topCause()).as(why).isEqualTo(HEALTHY);
    } else {
      assertThat(d.topCause()).as(why).isEqualTo(expected);
      assertThat(d.seconds()).as("%s reported after %.1f s, more than 1.5 x --timeout %d s", name, d.seconds(), TIMEOUT)
          .isLessThanOrEqualTo(1.5 * TIMEOUT);
    }
    return d;
  }
}
