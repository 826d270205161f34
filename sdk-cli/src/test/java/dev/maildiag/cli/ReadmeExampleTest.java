package dev.maildiag.cli;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Every ```java block of the README is a whole source file that compiles as shown, against the class path of
 * this module's tests (every maildiag module, JUnit and AssertJ); the embedding example runs, and the README's
 * tests pass.
 */
class ReadmeExampleTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);
  private static final Pattern TYPE = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?(?:class|interface|record|enum)\\s+(\\w+)");

  @TempDir
  static Path work;
  private static URLClassLoader compiled;
  private static List<String> types;

  @BeforeAll
  static void compileTheReadme() throws Exception {
    List<String> blocks = javaBlocks(Files.readString(README));
    assertThat(blocks).as("```java blocks in README.md").hasSizeGreaterThanOrEqualTo(5);
    Path sources = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<Path> files = new ArrayList<>();
    types = new ArrayList<>();
    for (String block : blocks) {
      Matcher type = TYPE.matcher(block);
      assertThat(type.find()).as("a README block declares no top-level type (each must be a whole file):%n%s", block).isTrue();
      types.add(type.group(1));
      files.add(Files.writeString(sources.resolve(type.group(1) + ".java"), block));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-classpath", testClassPath(), "-d", classes.toString(), "-proc:none", "-Xlint:all", "-Werror");
      boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
      assertThat(diagnostics.getDiagnostics()).as("javac on the README's Java blocks")
          .extracting(ReadmeExampleTest::describe).isEmpty();
      assertThat(ok).isTrue();
    }
    compiled = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeExampleTest.class.getClassLoader());
  }

  @Test
  void theEmbeddingExampleRunsAndNamesACause() throws Exception {
    String storedRefreshToken = "a-stored-refresh-token-7d1f";
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    Report report;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      report = (Report) compiled.loadClass("MailHandlerDiagnosis").getMethod("diagnose", String.class).invoke(null, storedRefreshToken);
    } finally {
      System.setOut(original);
    }
    assertThat(report.findings()).isNotEmpty();
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains(report.toText()).contains("Verdict:").contains("config.required").doesNotContain(storedRefreshToken);
    // there is no network here: whatever is found, it is named with a known root-cause id
    report.topRootCause().ifPresent(cause -> assertThat(Maildiag.create().rootCause(cause.id())).as("root cause %s", cause.id()).isPresent());
  }

  @Test
  void theReadmesTestsPass() throws Exception {
    List<String> testClasses = types.stream().filter(t -> t.endsWith("Test")).toList();
    assertThat(testClasses).contains("PollingIntervalTest", "SimulatedFailuresTest", "OwnHandlerTest");
    for (String name : testClasses) {
      Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(compiled.loadClass(name))).execute().testEvents();
      assertThat(tests.failed().list()).as("failed README tests in %s", name)
          .extracting(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload().orElse(""))
          .isEmpty();
      assertThat(tests.succeeded().count()).as("README tests that passed in %s", name).isPositive();
    }
  }

  private static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path", "");
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "" : new File(d.getSource().getName()).getName() + ":" + d.getLineNumber() + ": ";
    return d.getKind() + " " + file + d.getMessage(Locale.ROOT);
  }
}
