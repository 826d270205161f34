package dev.maildiag.microsoft;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class EntraCodesTest {
  static final EntraCodes TABLE = new EntraCodes();

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
    assertThat(ranked("AADSTS500113: No reply address is registered")).isEmpty(); // not AADSTS50011; no longer in the reference
    assertThat(ranked("AADSTS700082: expired due to inactivity")).first().isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
    assertThat(ranked("AADSTS7000222: The provided client secret keys are expired")).first().isEqualTo(RootCause.CLIENT_SECRET_EXPIRED);
    assertThat(ranked("AADSTS70002 something")).first().isEqualTo(RootCause.CLIENT_SECRET_INVALID); // not 7000222, not 70008
  }

  @Test
  void codesOutsideTheOldTableAreRead() {
    assertThat(ranked("AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request"))
        .first().isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(ranked("AADSTS900561: The endpoint only accepts POST requests. Received a GET request.")).first()
        .isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(ranked("AADSTS90027: We are unable to issue tokens from this API version on the MSA tenant.")).first()
        .isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(ranked("AADSTS900432: Confidential Client isn't supported in Cross Cloud request.")).first()
        .isEqualTo(RootCause.CLOUD_MISMATCH);
    assertThat(ranked("AADSTS650052: The app needs access to a service that your organization has not subscribed to")).first()
        .isEqualTo(RootCause.NO_LICENSE);
  }

  @Test
  void aCodeOfTheURLEncodedErrorDescriptionIsRead() {
    assertThat(ranked("https://jira.example.com/callback?error=invalid_request&error_description=AADSTS50011%3a+The+redirect+URI"))
        .first().isEqualTo(RootCause.REDIRECT_URI_MISMATCH);
  }

  @Test
  void everyDocumentedCodeHasOneRow() {
    List<String> codes = TABLE.entries().stream().flatMap(r -> r.signals().stream()).filter(s -> !s.endsWith("*")).toList();
    assertThat(codes).doesNotHaveDuplicates().hasSize(304).allMatch(c -> c.matches("aadsts\\d+"));
  }
}
