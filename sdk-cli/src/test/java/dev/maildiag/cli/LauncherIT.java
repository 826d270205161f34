package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./maildiag} launcher against the packaged jar: it makes its two class-data-sharing archives once per
 * jar, starts each command from the one that suits it, and answers exactly as {@code java -jar} does.
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
    assertThat(first.err).as("the administrator is told why the first start takes longer").contains("preparing a faster start");
    assertThat(target.resolve("maildiag.jsa")).isRegularFile();
    assertThat(target.resolve("maildiag-live.jsa")).isRegularFile();
    try (var left = Files.list(target)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("the training's files are gone").noneMatch(n -> n.startsWith("cds."));
    }

    Result offline = run(List.of("bash", "maildiag", "check", "--offline", "--protocol", "imap", "--host", "imap.example.com",
        "--port", "993", "--security", "ssl", "--login", "a@example.com"), Map.of("MAILDIAG_JAVA_OPTS", "-Xlog:class+load=info,cds=info"), tree);
    // maildiag's own classes and picocli's came from the small archive, not from the jar
    assertThat(offline.out).contains("dev.maildiag.cli.Main source: shared objects file")
        .contains("picocli.CommandLine source: shared objects file")
        .contains(target.resolve("maildiag.jsa").toString()).doesNotContain("maildiag-live.jsa");
    assertThat(offline.out).doesNotContainPattern("picocli\\.\\S+ source: (file|jar):");

    // a check that connects starts from the archive that also holds TLS and the mail protocols (the port is closed)
    Result live = run(List.of("bash", "maildiag", "check", "--protocol", "imap", "--host", "127.0.0.1", "--port", "1",
        "--security", "ssl", "--login", "a@example.com", "--access-token", "not-a-token", "--timeout", "2"),
        Map.of("MAILDIAG_JAVA_OPTS", "-Xlog:cds=info,class+load=info"), tree);
    assertThat(live.out).contains(target.resolve("maildiag-live.jsa").toString());
    // the runner's redaction has two identical method references: the archive keeps a lambda per call site, so
    // neither is generated at start (merging the training runs' class lists once kept such a line only once)
    assertThat(live.out).contains("dev.maildiag.api.internal.run.Redactions$$Lambda")
        .doesNotContainPattern("Redactions\\$\\$Lambda\\S* source: dev\\.maildiag");

    Result again = run(List.of("bash", "maildiag", "--version"), Map.of(), tree);
    assertThat(again.out).isEqualTo(plain.out);
    assertThat(again.err).as("made once per jar").doesNotContain("preparing");
  }

  @Test
  void picocliIsCompiledForTheJvmItRunsOn() throws IOException {
    // picocli's own jar holds Java 5 class files: the JVM would check them with its old verifier at every start
    try (JarFile jar = new JarFile(MODULE.resolve("target/maildiag.jar").toFile());
        DataInputStream in = new DataInputStream(jar.getInputStream(jar.getEntry("picocli/CommandLine.class")))) {
      assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
      in.readUnsignedShort(); // minor version
      assertThat(in.readUnsignedShort()).as("class-file major version").isGreaterThanOrEqualTo(61);
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(List<String> command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
  }
}
