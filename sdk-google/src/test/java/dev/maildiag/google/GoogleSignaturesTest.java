package dev.maildiag.google;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleSignaturesTest {
  static final GoogleSignatures TABLE = new GoogleSignatures();

  static List<String> ranked(String text) {
    return TABLE.interpret(Observation.ofText(text)).stream().map(Candidate::rootCause).toList();
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void isWellFormed() {
    assertThat(TABLE.problems()).isEmpty();
  }

  @Test
  void theBase64ChallengeIsDecodedAndItsStatusRead() {
    String c400 = b64("{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}");
    String c401 = b64("{\"status\":\"401\",\"schemes\":\"bearer mac\",\"scope\":\"https://mail.google.com/\"}");
    assertThat(ranked("S: + " + c400)).first().isEqualTo(RootCause.SCOPES);
    assertThat(ranked("< b'+ " + c401 + "'")).first().isEqualTo(RootCause.ACCESS_TOKEN_EXPIRED);
  }

  @Test
  void theClientsOwnXoauth2ResponseIsNeverDecodedIntoTheReason() {
    String payload = b64("user=a@example.com\u0001auth=Bearer ya29.SECRET\u0001\u0001");
    List<Candidate> c = TABLE.interpret(Observation.ofText("C: A1 AUTHENTICATE XOAUTH2 " + payload + "\nS: A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"));
    assertThat(c).isNotEmpty();
    assertThat(c.toString()).doesNotContain("SECRET").doesNotContain("ya29");
  }

  @Test
  void passwordsWhereOAuthIsNeededAreNamed() {
    assertThat(ranked("534-5.7.9 Application-specific password required.")).first().isEqualTo(RootCause.BASIC_AUTH_REJECTED);
    assertThat(ranked("* NO [ALERT] Please log in via your web browser")).first().isEqualTo(RootCause.BASIC_AUTH_REJECTED);
  }

  @Test
  void anExpiredRefreshTokenAlsoNamesTheTestingPublishingStatus() {
    assertThat(ranked("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}"))
        .containsExactly(RootCause.REFRESH_TOKEN_INVALID, RootCause.APP_UNVERIFIED);
  }

  @Test
  void silentForAnotherProvider() {
    assertThat(TABLE.interpret(Observation.ofText("[AUTHENTICATIONFAILED] Invalid credentials").withProvider("microsoft"))).isEmpty();
  }
}
