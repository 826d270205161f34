package dev.maildiag.cli;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.DiagnosticsProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Root-cause ids and check ids are public API: each must be documented. */
class ReadmeDocumentsPublicApiTest {
  private static String docs() throws Exception {
    StringBuilder all = new StringBuilder(Files.readString(Path.of("..", "README.md")));
    try (Stream<Path> files = Files.list(Path.of("..", "docs"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        all.append(Files.readString(p));
      }
    }
    return all.toString();
  }

  @Test
  void everyRootCauseIdIsInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> missing = new ArrayList<>();
    for (RootCause rc : Maildiag.create().rootCauses()) {
      if (!rc.id().startsWith("test-") && !readme.contains("`" + rc.id() + "`")) {
        missing.add(rc.id());
      }
    }
    assertThat(missing).as("root causes not listed in README.md").isEmpty();
  }

  @Test
  void everyCheckIdIsDocumented() throws Exception {
    String docs = docs();
    List<String> missing = new ArrayList<>();
    for (DiagnosticsProvider p : Maildiag.create().providers()) {
      for (Check c : p.checks()) {
        if (!docs.contains("`" + c.info().id() + "`")) {
          missing.add(p.id() + ":" + c.info().id());
        }
      }
    }
    assertThat(missing).as("check ids documented nowhere in README.md or docs/*.md").isEmpty();
  }

  /** Each sign-in flow has a worked example: a sh block whose command ends in --sign-in FLOW; and the sign-in check ids are listed. */
  @Test
  void everySignInFlowHasAWorkedExampleAndItsChecksAreListed() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> shBlocks = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)```sh\n(.*?)```").matcher(readme);
    while (m.find()) {
      shBlocks.add(m.group(1));
    }
    for (String flow : List.of("device", "browser", "paste")) {
      assertThat(shBlocks).as("a worked example of --sign-in " + flow)
          .anyMatch(b -> b.contains("./maildiag check") && b.contains("--sign-in " + flow) && b.contains("sign-in."));
    }
    for (String id : List.of("sign-in.request", "sign-in.tokens", "sign-in.account")) {
      assertThat(readme).contains("| `" + id + "` |");
    }
  }
}
