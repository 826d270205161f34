package dev.maildiag.microsoft;

import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TokenErrorsTest {
  /** The token check's view: the signature table and the token-error context together. */
  private static final Explainer EXPLAINER = Explainer.of(List.of(new MicrosoftSignatures(), new TokenErrors()));

  private static List<Candidate> explain(String text, Facts facts, dev.maildiag.api.DiagnosticContext context) {
    return EXPLAINER.explain(new Observation(text, Stage.OAUTH, null, "microsoft", facts, context));
  }

  private static String top(String text) {
    return explain(text, new Facts(), null).get(0).rootCause();
  }

  @Test
  void theIssuesCodes() {
    assertThat(top("AADSTS7000222: The provided client secret keys are expired")).isEqualTo(RootCause.CLIENT_SECRET_EXPIRED);
    assertThat(top("AADSTS7000215: Invalid client secret provided.")).isEqualTo(RootCause.CLIENT_SECRET_INVALID);
    assertThat(top("AADSTS50194: Application is not configured as a multi-tenant application.")).isEqualTo(RootCause.SINGLE_TENANT_ENDPOINT);
    assertThat(top("AADSTS700016: Application with identifier was not found")).isEqualTo(RootCause.APP_NOT_FOUND);
    assertThat(top("AADSTS90002: Tenant not found")).isEqualTo(RootCause.TENANT_NOT_FOUND);
    assertThat(top("AADSTS65001: The user or administrator has not consented")).isEqualTo(RootCause.CONSENT_REQUIRED);
    for (String code : List.of("50076", "50079", "53003")) {
      assertThat(top("AADSTS" + code + ": policy")).isEqualTo(RootCause.CONDITIONAL_ACCESS);
    }
    for (String code : List.of("700082", "70008")) {
      assertThat(top("AADSTS" + code + ": expired")).isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
    }
    assertThat(top("AADSTS50011: The redirect URI does not match")).isEqualTo(RootCause.REDIRECT_URI_MISMATCH);
    assertThat(top("(invalid_request) AADSTS900382: Confidential Client is not supported in Cross Cloud request.")).isEqualTo(RootCause.CLOUD_MISMATCH);
  }

  @Test
  void codesFromTheTokenChecksEvidenceCount() {
    Facts facts = new Facts();
    facts.put(TokenError.FACT, new TokenError(401, "invalid_client", "secret keys expired", List.of("7000222"), Map.of()));
    List<Candidate> c = new TokenErrors().interpret(new Observation("invalid_client: secret keys expired", Stage.OAUTH, null, "microsoft", facts, null));
    assertThat(c).first().extracting(Candidate::rootCause).isEqualTo(RootCause.CLIENT_SECRET_EXPIRED);
  }

  @Test
  void tenantNotFoundWithMixedCloudsIsAlsoACloudMismatch() {
    var context = Contexts.imap().cloud("gcc-high").build(); // worldwide token endpoint
    List<Candidate> c = explain("AADSTS90002: Tenant not found", new Facts(), context);
    assertThat(c).extracting(Candidate::rootCause).contains(RootCause.TENANT_NOT_FOUND, RootCause.CLOUD_MISMATCH);
    assertThat(c.stream().filter(x -> x.rootCause().equals(RootCause.CLOUD_MISMATCH)).findFirst().orElseThrow().confidence()).isGreaterThan(0.5);
  }

  @Test
  void tenantNotFoundWithOneCloudIsNotACloudMismatch() {
    List<Candidate> c = new TokenErrors().interpret(new Observation("AADSTS90002: Tenant not found", Stage.OAUTH, null, "microsoft",
        new Facts(), Contexts.imap().build()));
    assertThat(c).isEmpty();
  }

  @Test
  void otherStagesAndProvidersGiveNothing() {
    Facts facts = new Facts();
    facts.put(TokenError.FACT, new TokenError(401, "invalid_client", "x", List.of("7000222"), Map.of()));
    assertThat(new TokenErrors().interpret(new Observation("x", Stage.PROTOCOL, null, null, facts, null))).isEmpty();
    assertThat(new TokenErrors().interpret(new Observation("x", Stage.OAUTH, null, "google", facts, null))).isEmpty();
  }
}
