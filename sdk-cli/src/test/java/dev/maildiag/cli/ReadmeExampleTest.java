package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example is this test's code, and it runs. */
class ReadmeExampleTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF = Path.of("src", "test", "java", "dev", "maildiag", "cli", "ReadmeExampleTest.java");

  @Test
  void readmeShowsExactlyTheCodeThisTestRuns() throws Exception {
    assertThat(normalise(readmeExample())).isEqualTo(normalise(between(Files.readAllLines(SELF), "// README-BEGIN", "// README-END")));
  }

  @Test
  void theExampleRunsAndNamesACause() throws Exception {
    String storedRefreshToken = "a-stored-refresh-token";
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // README-BEGIN
      DiagnosticContext context = DiagnosticContext.builder()
          .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL)
          .login("helpdesk@contoso.com")
          .provider("microsoft").tenant("contoso.onmicrosoft.com").clientId("00000000-1111-2222-3333-444444444444")
          .clientSecret(Secret.ofNullable(System.getenv("CLIENT_SECRET")))
          .refreshToken(Secret.of(storedRefreshToken))
          .timeout(Duration.ofSeconds(10))
          .build();

      Report report = Maildiag.create().diagnose(context);
      System.out.println(report.toText());
      report.topRootCause().ifPresent(cause -> System.out.println("Most likely: " + cause.id() + " - " + cause.title()));
      // README-END
      assertThat(report.findings()).isNotEmpty();
    } finally {
      System.setOut(original);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("maildiag report for imap://outlook.office365.com:993").contains("Verdict:");
    assertThat(out).doesNotContain(storedRefreshToken);
    // there is no network here: whatever is found, it is named with a known root-cause id
    if (out.contains("Most likely: ")) {
      String id = out.substring(out.indexOf("Most likely: ") + 13).split(" ")[0];
      assertThat(Maildiag.create().rootCause(id)).as("root cause %s", id).isPresent();
    }
  }

  private static String readmeExample() throws Exception {
    List<String> lines = Files.readAllLines(README);
    int marker = lines.indexOf(lines.stream().filter(l -> l.startsWith("<!-- example:embedding")).findFirst().orElseThrow());
    List<String> rest = lines.subList(marker + 1, lines.size());
    assertThat(rest.get(0)).isEqualTo("```java");
    return String.join("\n", rest.subList(1, rest.indexOf("```")));
  }

  private static String between(List<String> lines, String begin, String end) {
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(begin) && from < 0) {
        from = i + 1;
      } else if (lines.get(i).strip().equals(end) && from >= 0) {
        return String.join("\n", lines.subList(from, i));
      }
    }
    throw new AssertionError("markers not found");
  }

  private static String normalise(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }
}
