package dev.maildiag.microsoft;

import dev.maildiag.api.internal.run.RootCauses;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MicrosoftSignaturesTest {
  static final MicrosoftSignatures TABLE = new MicrosoftSignatures();
  /** Microsoft's tables together: the words, the AADSTS codes and Exchange's documented answers. */
  static final Explainer MICROSOFT = Explainer.of(List.of(TABLE, new EntraCodes(), new ExchangeCodes()));

  static List<String> ranked(String text) {
    return MICROSOFT.recognise(Observation.ofText(text)).stream().map(Candidate::rootCause).toList();
  }

  @Test
  void isWellFormed() {
    assertThat(TABLE.problems()).isEmpty();
  }

  @Test
  void authenticateFailedListsTheFivePlausibleCausesRanked() {
    assertThat(ranked("A01 NO AUTHENTICATE failed.")).containsSubsequence(RootCauses.PROTOCOL_DISABLED, RootCauses.NO_LICENSE,
        RootCauses.MAILBOX_PERMISSION, RootCauses.SCOPES, RootCauses.WRONG_USER_AUTHORIZED);
  }

  @Test
  void authenticatedButNotConnectedListsRulesUsersAndPermissions() {
    assertThat(ranked("* BAD User is authenticated but not connected.")).contains(RootCauses.CLIENT_ACCESS_RULE,
        RootCauses.WRONG_USER_AUTHORIZED, RootCauses.MAILBOX_PERMISSION);
  }

  @Test
  void smtp5_7_139SaysWhichReasonInItsText() {
    assertThat(ranked("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."))
        .first().isEqualTo(RootCauses.SMTP_AUTH_DISABLED);
    assertThat(ranked("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."))
        .first().isEqualTo(RootCauses.BASIC_AUTH_REJECTED);
    assertThat(ranked("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully."))
        .contains(RootCauses.CONDITIONAL_ACCESS, RootCauses.SMTP_AUTH_DISABLED, RootCauses.BASIC_AUTH_REJECTED);
  }

  @Test
  void silentForAnotherProvider() {
    Observation google = Observation.ofText("NO AUTHENTICATE failed. AADSTS7000222").withProvider("google");
    assertThat(TABLE.interpret(google)).isEmpty();
    assertThat(TABLE.interpret(google.withProvider("microsoft"))).isNotEmpty();
  }
}
