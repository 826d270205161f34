package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

class GmailAnswersTest {
  private final GmailAnswers interpreter = new GmailAnswers();

  private List<Candidate> seen(DiagnosticContext context, String text, TokenClaims claims) {
    CheckContext ctx = CheckContext.standalone(context);
    if (claims != null) {
      ctx.facts().put(Facts.TOKEN_CLAIMS, claims);
    }
    return interpreter.interpret(ctx.observe(text, Stage.PROTOCOL));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "NO [ALERT] IMAP access is disabled for your domain.|protocol-disabled",
      "[ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)|protocol-disabled",
      "-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.|protocol-disabled",
      "NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)|basic-auth-rejected",
      "534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp|basic-auth-rejected",
      "534-5.7.14 <https://accounts.google.com/signin/continue?...> Please log in via your web browser and then try again. - gsmtp|basic-auth-rejected",
      "a NO [ALERT] Too many simultaneous connections. (Failure)|throttled",
      "454 4.7.0 Too many login attempts, please try again later. - gsmtp|throttled",
      "530 5.7.0 Must issue a STARTTLS command first. - gsmtp|tls-mode-mismatch",
  })
  void distinctiveAnswers(String text, String expected) {
    List<Candidate> candidates = seen(GoogleContexts.gmail().build(), text, null);
    assertThat(candidates).extracting(Candidate::rootCause).first().isEqualTo(expected);
  }

  @Test
  void invalidCredentialsForAPasswordIsBasicAuth() {
    DiagnosticContext password = GoogleContexts.gmail().refreshToken(null).password(Secret.of("pw")).build();
    assertThat(seen(password, "535-5.7.8 Username and Password not accepted. - gsmtp", null).get(0).rootCause())
        .isEqualTo(RootCause.BASIC_AUTH_REJECTED);
  }

  @Test
  void invalidCredentialsForATokenUsesTheClaims() {
    TokenClaims expired = new TokenClaims("a", List.of(GoogleCatalog.MAIL_SCOPE), List.of(), "helpdesk@example.com", null, "a",
        GoogleCatalog.ISSUER, Instant.now().minusSeconds(60), "token-info", null);
    assertThat(seen(GoogleContexts.gmail().build(), "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)", expired).get(0).rootCause())
        .isEqualTo(RootCause.ACCESS_TOKEN_EXPIRED);
    TokenClaims otherUser = new TokenClaims("a", List.of(GoogleCatalog.MAIL_SCOPE), List.of(), "boss@example.com", null, "a",
        GoogleCatalog.ISSUER, Instant.now().plusSeconds(600), "token-info", null);
    assertThat(seen(GoogleContexts.gmail().build(), "535-5.7.8 Username and Password not accepted. - gsmtp", otherUser).get(0).rootCause())
        .isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
  }

  @Test
  void invalidCredentialsWithoutClaimsIsRankedNotDecided() {
    List<Candidate> c = seen(GoogleContexts.gmail().build(), "NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)", null);
    assertThat(c).extracting(Candidate::rootCause)
        .containsExactly(RootCause.ACCESS_TOKEN_EXPIRED, RootCause.SCOPES, RootCause.WRONG_USER_AUTHORIZED);
    assertThat(c.get(0).confidence()).isLessThan(0.6);
  }

  @Test
  void staysOutOfMicrosoftDiagnoses() {
    Observation o = new Observation("535 5.7.8 Authentication credentials invalid", Stage.PROTOCOL, null, "microsoft", null, null);
    assertThat(interpreter.interpret(o)).isEmpty();
  }
}
