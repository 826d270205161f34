package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenClaims;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ExchangeAnswersTest {
  private static TokenClaims claims(String user, String... scp) {
    return new TokenClaims("https://outlook.office.com", List.of(scp), List.of(), user, Contexts.TENANT, "client-1",
        "https://sts.windows.net/x/", null, "jwt (signature not verified)", Map.of());
  }

  private static List<Candidate> explain(String text, DiagnosticContext c, TokenClaims t) {
    Facts facts = new Facts();
    if (t != null) {
      facts.put(Facts.TOKEN_CLAIMS, t);
    }
    return new ExchangeAnswers().interpret(new Observation(text, Stage.OAUTH, c.server().protocol(), "microsoft", facts, c));
  }

  private static String top(List<Candidate> c) {
    return c.get(0).rootCause();
  }

  @Test
  void authenticateFailedIsRankedByTheClaims() {
    DiagnosticContext own = Contexts.imap().build();
    assertThat(top(explain("A1 NO AUTHENTICATE failed.", own, claims("helpdesk@contoso.com", "User.Read")))).isEqualTo(RootCause.SCOPES);
    assertThat(top(explain("A1 NO AUTHENTICATE failed.", own, claims("admin@contoso.com", "IMAP.AccessAsUser.All")))).isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
    assertThat(top(explain("A1 NO AUTHENTICATE failed.", Contexts.imap().mailbox("shared@contoso.com").build(),
        claims("helpdesk@contoso.com", "IMAP.AccessAsUser.All")))).isEqualTo(RootCause.MAILBOX_PERMISSION);
    List<Candidate> mailboxItself = explain("A1 NO AUTHENTICATE failed.", own, claims("helpdesk@contoso.com", "IMAP.AccessAsUser.All"));
    assertThat(mailboxItself).extracting(Candidate::rootCause).startsWith(RootCause.PROTOCOL_DISABLED, RootCause.NO_LICENSE);
    assertThat(mailboxItself.get(0).reason()).contains("Get-CASMailbox -Identity helpdesk@contoso.com");
  }

  @Test
  void otherProtocolsTellDisabledFromUnlicensed() {
    DiagnosticContext own = Contexts.imap().build();
    Facts facts = new Facts();
    facts.put(Facts.TOKEN_CLAIMS, claims("helpdesk@contoso.com", "IMAP.AccessAsUser.All", "POP.AccessAsUser.All"));
    facts.put(OtherProtocols.FACT, new OtherProtocols(Map.of(Protocol.POP3, false)));
    List<Candidate> none = new ExchangeAnswers().interpret(new Observation("NO AUTHENTICATE failed.", Stage.OAUTH, Protocol.IMAP, "microsoft", facts, own));
    assertThat(top(none)).isEqualTo(RootCause.NO_LICENSE);
    facts.put(OtherProtocols.FACT, new OtherProtocols(Map.of(Protocol.POP3, true)));
    List<Candidate> pop = new ExchangeAnswers().interpret(new Observation("NO AUTHENTICATE failed.", Stage.OAUTH, Protocol.IMAP, "microsoft", facts, own));
    assertThat(top(pop)).isEqualTo(RootCause.PROTOCOL_DISABLED);
  }

  @Test
  void notConnectedIsAClientAccessRuleForTheMailboxOwnUser() {
    DiagnosticContext own = Contexts.imap().build();
    assertThat(top(explain("* BAD User is authenticated but not connected.", own, claims("helpdesk@contoso.com", "IMAP.AccessAsUser.All"))))
        .isEqualTo(RootCause.CLIENT_ACCESS_RULE);
    assertThat(top(explain("* BAD User is authenticated but not connected.", own, claims("admin@contoso.com", "IMAP.AccessAsUser.All"))))
        .isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
  }

  @Test
  void smtpAnswersAsTheTextSays() {
    DiagnosticContext smtp = Contexts.imap().protocol(Protocol.SMTP).host("smtp.office365.com").port(587).build();
    assertThat(top(explain("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", smtp, null)))
        .isEqualTo(RootCause.SMTP_AUTH_DISABLED);
    assertThat(top(explain("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", smtp, null)))
        .isEqualTo(RootCause.BASIC_AUTH_REJECTED);
    assertThat(top(explain("535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]", smtp,
        claims("helpdesk@contoso.com", "SMTP.Send")))).isEqualTo(RootCause.SMTP_AUTH_DISABLED);
  }

  @Test
  void throttlingPointsToAFloodedInbox() {
    assertThat(explain("A5 BAD Request is throttled. Suggested Backoff Time: 89117 milliseconds", Contexts.imap().build(), null))
        .extracting(Candidate::rootCause).containsExactly(RootCause.INBOX_FLOODED, RootCause.THROTTLED);
  }

  @Test
  void popConnectionClosedTenIsTheFormat() {
    DiagnosticContext pop = Contexts.imap().protocol(Protocol.POP3).port(995).build();
    assertThat(top(explain("AuthenticationFailedException: Protocol error. Connection is closed. 10", pop, null))).isEqualTo(RootCause.POP_OAUTH_FORMAT);
  }

  @Test
  void silentWithoutADiagnosisOrForOtherProviders() {
    assertThat(new ExchangeAnswers().interpret(Observation.ofText("NO AUTHENTICATE failed."))).isEmpty();
    assertThat(explain("NO AUTHENTICATE failed.", Contexts.imap().provider("google").build(), null)).isEmpty();
  }
}
