package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./maildiag} launcher against the packaged jar: it makes a class-data-sharing archive once per
 * jar, starts from it, and answers exactly as {@code java -jar} does.
 */
class LauncherIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path LAUNCHER = MODULE.resolveSibling("maildiag");

  @Test
  void startsFromAnArchiveMadeOnceAndAnswersAsJavaJar(@TempDir Path tree) throws Exception {
    // the launcher and the jar as a checkout has them, without sources, so that nothing looks stale
    Path target = Files.createDirectories(tree.resolve("sdk-cli/target"));
    Files.copy(LAUNCHER, tree.resolve("maildiag"));
    Files.createSymbolicLink(target.resolve("maildiag.jar"), MODULE.resolve("target/maildiag.jar"));
    Files.createSymbolicLink(target.resolve("lib"), MODULE.resolve("target/lib"));

    Result plain = run(List.of("java", "-jar", MODULE.resolve("target/maildiag.jar").toString(), "--version"), Map.of(), tree);
    Result first = run(List.of("bash", "maildiag", "--version"), Map.of(), tree);
    assertThat(first.exit).isZero();
    assertThat(first.out).isEqualTo(plain.out).startsWith("maildiag ");
    assertThat(target.resolve("maildiag.jsa")).isRegularFile();

    Result offline = run(List.of("bash", "maildiag", "check", "--offline", "--protocol", "imap", "--host", "imap.example.com",
        "--port", "993", "--security", "ssl", "--login", "a@example.com"), Map.of("MAILDIAG_JAVA_OPTS", "-Xlog:class+load=info"), tree);
    // maildiag's own classes came from the archive, not from the jar
    assertThat(offline.out).contains("dev.maildiag.cli.Main source: shared objects file");
  }

  private record Result(int exit, String out) {}

  private static Result run(List<String> command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
