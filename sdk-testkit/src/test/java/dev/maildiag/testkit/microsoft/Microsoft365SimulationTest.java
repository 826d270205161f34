package dev.maildiag.testkit.microsoft;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.internal.probe.BasicAuthRefused;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;

class Microsoft365SimulationTest {
  @Test
  void healthyMailboxIsReadOnlyAndItsCommandLogHoldsNoSecret() {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.healthy().start()) {
      MailboxWitness mailbox = m365.mailbox().orElseThrow();
      MailboxSnapshot before = mailbox.snapshot();

      m365.maildiag().diagnose(m365.context());

      assertThat(before.messageCount()).isEqualTo(12);
      assertThat(mailbox.snapshot()).isEqualTo(before);
      List<String> commands = mailbox.commandsReceived();
      assertThat(commands).contains("AUTHENTICATE XOAUTH2 [sasl]").anyMatch(c -> c.startsWith("EXAMINE"));
      assertThat(mailbox.writingCommands()).isEmpty();
      for (Secret secret : m365.secrets()) {
        assertThat(String.join("\n", commands)).doesNotContain(secret.reveal());
      }
    }
  }

  @Test
  void exchangeAcceptsOnlyTheTokensItShould() {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.healthy().start()) {
      Microsoft365Setup s = m365.setup();
      String good = SimulatedIdentityPlatform.token().tenant(s.tenantId).user(s.login).scopes(List.of("IMAP.AccessAsUser.All")).sign();
      String otherAudience = SimulatedIdentityPlatform.token().audience("https://graph.microsoft.com").user(s.login)
          .scopes(List.of("IMAP.AccessAsUser.All")).sign();
      String popOnly = SimulatedIdentityPlatform.token().user(s.login).scopes(List.of("POP.AccessAsUser.All")).sign();
      String unsigned = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA";

      assertThat(ExchangeOnline.login(s, good)).isEqualTo(ExchangeOnline.Outcome.ACCEPTED);
      assertThat(ExchangeOnline.login(s, Protocol.POP3, popOnly)).isEqualTo(ExchangeOnline.Outcome.ACCEPTED);
      assertThat(ExchangeOnline.login(s, otherAudience)).isEqualTo(ExchangeOnline.Outcome.AUTHENTICATION_FAILED);
      assertThat(ExchangeOnline.login(s, popOnly)).isEqualTo(ExchangeOnline.Outcome.AUTHENTICATION_FAILED);
      assertThat(ExchangeOnline.login(s, unsigned)).isEqualTo(ExchangeOnline.Outcome.AUTHENTICATION_FAILED);
      s.disabledProtocols.add(Protocol.IMAP);
      assertThat(ExchangeOnline.login(s, good)).isEqualTo(ExchangeOnline.Outcome.AUTHENTICATION_FAILED);
    }
  }

  @ParameterizedTest
  @EnumSource(Protocol.class)
  void aHandlerStillOnItsPasswordIsToldThatExchangeRefusesBasicAuthentication(Protocol protocol) {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.failing(RootCause.BASIC_AUTH_REJECTED).protocol(protocol).start()) {
      Report report = m365.maildiag().diagnose(m365.context());

      assertThat(report.topRootCause()).map(RankedRootCause::id).contains(RootCause.BASIC_AUTH_REJECTED);
      Finding refused = report.finding(BasicAuthRefused.ID).orElseThrow();
      assertThat(refused.evidence().get("serverAnswer")).contains(switch (protocol) {
        case IMAP -> "NO AUTHENTICATE failed.";
        case POP3 -> "-ERR Authentication failure";
        case SMTP -> "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.";
      });
      assertThat(refused.remediation().steps()).anyMatch(step -> step.contains("OAuth 2.0"));
      String rendered = TextReport.write(report) + ReportJson.write(report) + m365.mailbox().orElseThrow().commandsReceived();
      assertThat(rendered).doesNotContain(m365.setup().password);
      assertThat(m365.mailbox().orElseThrow().writingCommands()).isEmpty();
    }
  }
}
