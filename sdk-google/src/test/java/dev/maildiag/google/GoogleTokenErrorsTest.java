package dev.maildiag.google;

import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleTokenErrorsTest {
  private final GoogleTokenErrors interpreter = new GoogleTokenErrors();

  private List<Candidate> duringGoogleDiagnosis(String text) {
    return interpreter.interpret(CheckContext.standalone(GoogleContexts.gmail().build()).observe(text, Stage.OAUTH));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}|refresh-token-invalid",
      "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}|refresh-token-invalid",
      "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}|client-secret-invalid",
      "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}|client-secret-invalid",
      "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}|app-not-found",
      "Error 401: deleted_client The OAuth client was deleted|app-not-found",
      "{\"error\":\"unauthorized_client\",\"error_description\":\"Unauthorized\"}|client-secret-invalid",
      "{\"error\":\"unauthorized_client\",\"error_description\":\"Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.\"}|admin-policy-blocked",
      "Error 400: admin_policy_enforced Access to your account data is restricted by policies within your organization.|admin-policy-blocked",
      "{\"error\":\"org_internal\",\"error_description\":\"This client is restricted to users within its organization.\"}|admin-policy-blocked",
      "Gmail Cleanup has not completed the Google verification process. The app is currently being tested. Error 403: access_denied|app-unverified",
      "{\"error\":\"invalid_scope\",\"error_description\":\"Some requested scopes were invalid.\"}|scopes",
  })
  void errorCodeAndDescriptionNameTheRootCause(String text, String expected) {
    List<Candidate> candidates = duringGoogleDiagnosis(text);
    assertThat(candidates).isNotEmpty();
    assertThat(candidates.get(0).rootCause()).isEqualTo(expected);
  }

  @Test
  void invalidGrantExplainsTheSevenDayTestingLifetime() {
    Candidate top = duringGoogleDiagnosis("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}").get(0);
    assertThat(top.rootCause()).isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
    assertThat(top.reason()).contains("Testing").contains("7 days");
  }

  @Test
  void pythonDictAndLibraryTextsAreReadByTheirWords() {
    assertThat(duringGoogleDiagnosis("XOAUTH2: xoauth2handler got: {u'error': u'invalid_grant'}").get(0).rootCause())
        .isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
  }

  @Test
  void staysOutOfAMicrosoftDiagnosis() {
    Observation microsoft = new Observation("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: expired\"}",
        Stage.OAUTH, null, "microsoft", null, null);
    assertThat(interpreter.interpret(microsoft)).isEmpty();
    assertThat(interpreter.interpret(Observation.ofText("invalid_grant AADSTS70008: The refresh token has expired"))).isEmpty();
  }

  @Test
  void anUnattributedTextIsReadWithLessConfidence() {
    double offline = interpreter.interpret(Observation.ofText("{\"error\":\"admin_policy_enforced\"}")).get(0).confidence();
    double inDiagnosis = duringGoogleDiagnosis("{\"error\":\"admin_policy_enforced\"}").get(0).confidence();
    assertThat(offline).isLessThan(inDiagnosis);
  }
}
