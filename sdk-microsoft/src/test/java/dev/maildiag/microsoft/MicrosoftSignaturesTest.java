package dev.maildiag.microsoft;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MicrosoftSignaturesTest {
  static final MicrosoftSignatures TABLE = new MicrosoftSignatures();

  static List<String> ranked(String text) {
    return TABLE.interpret(Observation.ofText(text)).stream().map(Candidate::rootCause).toList();
  }

  @Test
  void isWellFormed() {
    assertThat(TABLE.problems()).isEmpty();
  }

  @Test
  void aadstsCodesAreWholeNumbers() {
    assertThat(ranked("AADSTS50011: The redirect URI does not match")).first().isEqualTo(RootCause.REDIRECT_URI_MISMATCH);
    assertThat(ranked("AADSTS500113: No reply address is registered for the application.")).first().isEqualTo(RootCause.REDIRECT_URI_MISMATCH);
    assertThat(ranked("AADSTS700082: expired due to inactivity")).first().isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
    assertThat(ranked("AADSTS7000222: The provided client secret keys are expired")).first().isEqualTo(RootCause.CLIENT_SECRET_EXPIRED);
    assertThat(ranked("AADSTS70002 something")).isEmpty(); // not 7000222, not 70008
  }

  @Test
  void authenticateFailedListsTheFivePlausibleCausesRanked() {
    assertThat(ranked("A01 NO AUTHENTICATE failed.")).containsSubsequence(RootCause.PROTOCOL_DISABLED, RootCause.NO_LICENSE,
        RootCause.MAILBOX_PERMISSION, RootCause.SCOPES, RootCause.WRONG_USER_AUTHORIZED);
  }

  @Test
  void authenticatedButNotConnectedListsRulesUsersAndPermissions() {
    assertThat(ranked("* BAD User is authenticated but not connected.")).contains(RootCause.CLIENT_ACCESS_RULE,
        RootCause.WRONG_USER_AUTHORIZED, RootCause.MAILBOX_PERMISSION);
  }

  @Test
  void smtp5_7_139SaysWhichReasonInItsText() {
    assertThat(ranked("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."))
        .first().isEqualTo(RootCause.SMTP_AUTH_DISABLED);
    assertThat(ranked("535 5.7.139 Authentication unsuccessful, basic authentication is disabled."))
        .first().isEqualTo(RootCause.BASIC_AUTH_REJECTED);
    assertThat(ranked("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully."))
        .contains(RootCause.CONDITIONAL_ACCESS, RootCause.SMTP_AUTH_DISABLED, RootCause.BASIC_AUTH_REJECTED);
  }

  @Test
  void silentForAnotherProvider() {
    Observation google = Observation.ofText("NO AUTHENTICATE failed. AADSTS7000222").withProvider("google");
    assertThat(TABLE.interpret(google)).isEmpty();
    assertThat(TABLE.interpret(google.withProvider("microsoft"))).isNotEmpty();
  }
}
