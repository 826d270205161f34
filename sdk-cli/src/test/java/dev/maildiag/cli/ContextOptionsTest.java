package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class ContextOptionsTest {
  @Test
  void everySettingIsBothAFlagAndAConfigFileKey() {
    CommandSpec spec = CommandSpec.create();
    ContextOptions.addTo(spec);
    Set<String> flags = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      flags.add(option.longestName());
    }

    Set<String> keys = new TreeSet<>();
    ContextOptions.KEYS.forEach(k -> keys.add("--" + k));
    keys.add("--config");
    keys.add("-D");
    assertThat(flags).isEqualTo(keys);
  }

  @Test
  void givenFlagsReachTheContextAndUngivenOnesStayAbsent() {
    CliRun run = CliRun.of("check", "--offline", "-q", "--format", "json", "--protocol", "imap", "--host", "imap.example.com",
        "--login", "a@example.com", "--access-token", "tok", "-Dmail.imaps.timeout=5");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"host\" : \"imap.example.com\"").doesNotContain("\"mailbox\"");
  }
}
