package dev.maildiag.api.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.Secret;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusedTokenEvidenceTest {
  /** What the generic table says for "Authentication failed": the text alone does not say why. */
  private static final List<Candidate> GENERIC = List.of(
      new Candidate(RootCause.SCOPES, 0.4, "generic"),
      new Candidate(RootCause.ACCESS_TOKEN_EXPIRED, 0.32, "generic"),
      new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.3, "generic"));

  private static CheckContext ctx(String provider, TokenClaims claims) {
    DiagnosticContext c = DiagnosticContext.builder().protocol(Protocol.IMAP).host("mail.example.test").port(993)
        .login("alice@example.test").provider(provider).accessToken(Secret.of("t")).build();
    Facts facts = new Facts();
    if (claims != null) {
      facts.put(Facts.TOKEN_CLAIMS, claims);
    }
    return new CheckContext(c, facts, Explainer.of(List.of()));
  }

  private static TokenClaims claims(String user, Instant expiry) {
    return new TokenClaims("mail", List.of(), List.of(), user, null, null, "https://idp.example.test", expiry, "jwt", null);
  }

  @Test
  void anUnexpiredTokenOfTheRightUserIsNeitherExpiredNorAnotherUsersButNotAcceptedAsValid() {
    List<Candidate> out = RefusedTokenEvidence.weigh(ctx(null, claims("alice@example.test", Instant.now().plusSeconds(3600))), GENERIC);
    assertThat(out).extracting(Candidate::rootCause).doesNotContain(RootCause.ACCESS_TOKEN_EXPIRED, RootCause.WRONG_USER_AUTHORIZED);
    assertThat(out.get(0).rootCause()).isEqualTo(RootCause.ACCESS_TOKEN_INVALID);
  }

  @Test
  void aKnownProvidersOwnTokensAreRarelyBadlySigned() {
    List<Candidate> out = RefusedTokenEvidence.weigh(ctx("google", claims("alice@example.test", Instant.now().plusSeconds(3600))), GENERIC);
    assertThat(out.get(0).rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(out).extracting(Candidate::rootCause).contains(RootCause.ACCESS_TOKEN_INVALID);
  }

  @Test
  void anotherUsersTokenIsNamedSo() {
    List<Candidate> out = RefusedTokenEvidence.weigh(ctx(null, claims("bob@example.test", Instant.now().plusSeconds(3600))), GENERIC);
    assertThat(out.get(0).rootCause()).isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
  }

  @Test
  void anExpiredTokenKeepsExpiry() {
    List<Candidate> out = RefusedTokenEvidence.weigh(ctx(null, claims("alice@example.test", Instant.now().minusSeconds(3600))), GENERIC);
    assertThat(out).extracting(Candidate::rootCause).contains(RootCause.ACCESS_TOKEN_EXPIRED).doesNotContain(RootCause.ACCESS_TOKEN_INVALID);
  }

  @Test
  void anAnswerNobodyRecognisedStaysUninterpreted() {
    assertThat(RefusedTokenEvidence.weigh(ctx(null, claims("alice@example.test", Instant.now().plusSeconds(3600))), List.of())).isEmpty();
  }
}
