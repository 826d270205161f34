package dev.maildiag.google;

import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class Xoauth2ChallengeTest {
  private final Xoauth2Challenge interpreter = new Xoauth2Challenge();

  static String challenge(String status) {
    String json = "{\"status\":\"" + status + "\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";
    return "+ " + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private List<Candidate> seen(String text, TokenClaims claims) {
    CheckContext ctx = CheckContext.standalone(GoogleContexts.gmail().build());
    if (claims != null) {
      ctx.facts().put(Facts.TOKEN_CLAIMS, claims);
    }
    return interpreter.interpret(ctx.observe(text, Stage.PROTOCOL));
  }

  private static TokenClaims claims(String scope, String email, Instant expires) {
    return new TokenClaims("aud", List.of(scope), List.of(), email, null, "aud", GoogleCatalog.ISSUER, expires, "token-info", null);
  }

  @Test
  void decodesTheDocumentedExample() {
    assertThat(Xoauth2Challenge.decode("eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9tYWlsLmdvb2dsZS5jb20vIn0K"))
        .contains(new Xoauth2Challenge.Challenge("401", "bearer mac", "https://mail.google.com/"));
  }

  @Test
  void readsTheChallengeAngusDecodedForPop3() {
    assertThat(Xoauth2Challenge.decode("java.io.EOFException: OAUTH2 authentication failed: {\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}"))
        .contains(new Xoauth2Challenge.Challenge("400", "Bearer", "https://mail.google.com/"));
  }

  @Test
  void status401IsAnExpiredOrRevokedToken() {
    assertThat(seen(challenge("401"), null).get(0).rootCause()).isEqualTo(RootCause.ACCESS_TOKEN_EXPIRED);
  }

  @Test
  void status400WithClaimsNamesTheScopeOrTheUser() {
    Instant later = Instant.now().plusSeconds(3000);
    assertThat(seen(challenge("400"), claims("https://www.googleapis.com/auth/gmail.readonly", "helpdesk@example.com", later)).get(0).rootCause())
        .isEqualTo(RootCause.SCOPES);
    Candidate top = seen(challenge("400"), claims(GoogleCatalog.MAIL_SCOPE, "admin@example.com", later)).get(0);
    assertThat(top.rootCause()).isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
    assertThat(top.reason()).contains("admin@example.com");
  }

  @Test
  void status400WithoutClaimsRanksScopeFirst() {
    // the corpus transcript g-004: the python imaplib trace of a refused token
    String trace = "18:49.49 < b'+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ=='\n"
        + "18:49.64 < b'ILPK1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)'";
    List<Candidate> candidates = seen(trace, null);
    assertThat(candidates).extracting(Candidate::rootCause)
        .containsExactly(RootCause.SCOPES, RootCause.WRONG_USER_AUTHORIZED, RootCause.ACCESS_TOKEN_EXPIRED);
  }

  @Test
  void status400ForAnotherAccountsMailboxIsDelegation() {
    CheckContext ctx = CheckContext.standalone(GoogleContexts.gmail().mailbox("support@example.com").build());
    ctx.facts().put(Facts.TOKEN_CLAIMS, claims(GoogleCatalog.MAIL_SCOPE, "helpdesk@example.com", Instant.now().plusSeconds(600)));
    List<Candidate> c = interpreter.interpret(ctx.observe(challenge("400"), Stage.PROTOCOL));
    assertThat(c).extracting(Candidate::rootCause).containsExactly(RootCause.MAILBOX_PERMISSION);
  }

  @Test
  void aJwtIsNotAChallenge() {
    assertThat(Xoauth2Challenge.decode("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJ4In0.sig")).isEmpty();
  }
}
