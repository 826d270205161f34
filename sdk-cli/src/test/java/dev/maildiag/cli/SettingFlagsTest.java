package dev.maildiag.cli;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SettingFlagsTest {
  @Test
  void namesTheFlagBesideEachSettingOnce() {
    assertThat(SettingFlags.text("Missing: the mail host; the token endpoint, or a provider and tenant to derive it from"))
        .isEqualTo("Missing: the mail host (--host); the token endpoint (--token-endpoint), or a provider and tenant to derive it from");
    assertThat(SettingFlags.text("Set the missing settings in the handler's configuration."))
        .isEqualTo("Set the missing settings as flags or in the --config properties file.");
    assertThat(SettingFlags.text("Set the connect and read timeouts to at least a few seconds, e.g. 10 seconds."))
        .isEqualTo("Set the connect and read timeouts (--timeout) to at least a few seconds, e.g. 10 seconds.");
    // only whole phrases: "the protocols" and "the login users" are not the settings
    assertThat(SettingFlags.text("the protocols of the login users")).isEqualTo("the protocols of the login users");
  }

  @Test
  void onlyTheConfigurationChecksFindingsAreAnnotated() {
    Finding config = Finding.error("Missing: the protocol").rootCause(RootCause.INVALID_CONFIGURATION, 1.0)
        .step("Set the missing settings in the handler's configuration.").build().stamped("config.required", Duration.ZERO);
    Finding live = Finding.error("IMAP refused").rootCause(RootCause.PROTOCOL_DISABLED, 0.9)
        .step("Enable the protocol for the mailbox.").build().stamped("oauth.xoauth2", Duration.ZERO);
    Report report = new Report(Verdict.ERROR, List.of(config, live),
        List.of(new RankedRootCause(RootCause.INVALID_CONFIGURATION, "t", 1.0, List.of("config.required"), config.remediation()),
            new RankedRootCause(RootCause.PROTOCOL_DISABLED, "t", 0.9, List.of("oauth.xoauth2"), live.remediation())),
        Map.of(), Instant.now(), Duration.ZERO);

    Report annotated = SettingFlags.annotate(report);

    assertThat(annotated.finding("config.required").orElseThrow().summary()).isEqualTo("Missing: the protocol (--protocol)");
    assertThat(annotated.finding("config.required").orElseThrow().remediation().steps())
        .containsExactly("Set the missing settings as flags or in the --config properties file.");
    assertThat(annotated.finding("oauth.xoauth2").orElseThrow()).isEqualTo(live);
    assertThat(annotated.rootCauses().get(0).remediation().steps()).containsExactly("Set the missing settings as flags or in the --config properties file.");
    assertThat(annotated.rootCauses().get(1).remediation()).isEqualTo(new Remediation(List.of("Enable the protocol for the mailbox."), List.of()));
  }
}
