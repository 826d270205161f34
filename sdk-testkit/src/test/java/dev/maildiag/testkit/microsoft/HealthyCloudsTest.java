package dev.maildiag.testkit.microsoft;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import dev.maildiag.microsoft.MicrosoftClouds;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static dev.maildiag.testkit.ReportAssert.assertThat;

/** Every cloud of the catalog with every protocol, healthy: the catalog's hosts, scopes and audiences agree. */
class HealthyCloudsTest {
  static Stream<Arguments> cloudsAndProtocols() {
    return MicrosoftClouds.ALL.stream().flatMap(c -> Stream.of(Protocol.values()).map(p -> Arguments.of(c.id(), p)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cloudsAndProtocols")
  void healthyTenantIsDiagnosedOk(String cloud, Protocol protocol) {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.healthy().cloud(cloud).protocol(protocol).start()) {
      Report report = m365.maildiag().diagnose(m365.context());

      assertThat(report).hasVerdict(Verdict.OK).hasFinding("oauth.xoauth2", Severity.OK).hasFinding("microsoft.token-claims", Severity.OK);
    }
  }

  static Stream<Arguments> cloudsWithImap() {
    return MicrosoftClouds.ALL.stream().map(c -> Arguments.of(c.id(), Protocol.IMAP));
  }

  @ParameterizedTest(name = "app-only {0} {1}")
  @MethodSource("cloudsWithImap")
  void appOnlyAccessWithClientCredentials(String cloud, Protocol protocol) {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.healthy().cloud(cloud).protocol(protocol).with(Microsoft365Setup::appOnly).start()) {
      Report report = m365.maildiag().diagnose(m365.context());

      assertThat(report).hasVerdict(Verdict.OK).hasFinding("oauth.xoauth2", Severity.OK);
      org.assertj.core.api.Assertions.assertThat(report.finding("oauth.token").orElseThrow().evidence()).containsEntry("grant", "client_credentials");
    }
  }
}
