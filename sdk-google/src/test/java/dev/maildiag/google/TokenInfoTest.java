package dev.maildiag.google;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class TokenInfoTest {
  @RegisterExtension
  static WireMockExtension google = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private CheckContext ctx(DiagnosticContext.Builder b) {
    return CheckContext.standalone(b.accessToken(Secret.of("ya29.token"))
        .attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT, google.baseUrl() + "/tokeninfo")
        .timeout(Duration.ofSeconds(5)).build());
  }

  private static void answer(int status, String json) {
    google.stubFor(post(urlEqualTo("/tokeninfo")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(json)));
  }

  private static String info(String scope, String email, long expiresIn) {
    return "{\"azp\":\"client-1.apps.googleusercontent.com\",\"aud\":\"client-1.apps.googleusercontent.com\",\"sub\":\"1234\","
        + "\"scope\":\"" + scope + "\",\"exp\":\"" + (Instant.now().getEpochSecond() + expiresIn) + "\",\"expires_in\":\"" + expiresIn + "\","
        + "\"email\":\"" + email + "\",\"email_verified\":\"true\",\"access_type\":\"offline\"}";
  }

  @Test
  void aGoodTokenIsPublishedAsClaims() throws Exception {
    answer(200, info("https://mail.google.com/ openid", "helpdesk@example.com", 3599));
    CheckContext ctx = ctx(GoogleContexts.gmail());
    Finding f = new TokenInfo().run(ctx);
    assertThat(f.severity()).as(f.summary()).isEqualTo(Severity.OK);
    TokenClaims claims = ctx.facts().get(Facts.TOKEN_CLAIMS).orElseThrow();
    assertThat(claims.scopes()).contains(GoogleCatalog.MAIL_SCOPE);
    assertThat(claims.user()).isEqualTo("helpdesk@example.com");
    assertThat(claims.source()).isEqualTo("token-info");
    assertThat(claims.expiresAt()).isAfter(Instant.now());
    // the token goes in the POST body, never in the URL
    google.verify(postRequestedFor(urlEqualTo("/tokeninfo")).withRequestBody(containing("access_token=ya29.token")));
    assertThat(f.toString()).doesNotContain("ya29.token");
  }

  @Test
  void aTokenFromTheTokenCheckIsPreferred() throws Exception {
    answer(200, info("https://mail.google.com/", "helpdesk@example.com", 3599));
    CheckContext ctx = ctx(GoogleContexts.gmail());
    ctx.facts().put(Facts.ACCESS_TOKEN, Secret.of("ya29.fresh"));
    new TokenInfo().run(ctx);
    google.verify(postRequestedFor(urlEqualTo("/tokeninfo")).withRequestBody(containing("access_token=ya29.fresh")));
  }

  @Test
  void gmailApiScopeIsTheWrongScope() throws Exception {
    answer(200, info("https://www.googleapis.com/auth/gmail.readonly", "helpdesk@example.com", 3599));
    Finding f = new TokenInfo().run(ctx(GoogleContexts.gmail()));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(f.evidence()).containsEntry("scope", "https://www.googleapis.com/auth/gmail.readonly");
  }

  @Test
  void anotherAccountsTokenIsTheWrongUser() throws Exception {
    answer(200, info("https://mail.google.com/", "admin@example.com", 3599));
    Finding f = new TokenInfo().run(ctx(GoogleContexts.gmail()));
    assertThat(f.rootCause()).isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
    assertThat(f.summary()).contains("admin@example.com").contains("helpdesk@example.com");
  }

  @Test
  void invalidValueMeansExpiredOrRevoked() throws Exception {
    answer(400, "{\"error\":\"invalid_token\",\"error_description\":\"Invalid Value\"}");
    Finding f = new TokenInfo().run(ctx(GoogleContexts.gmail()));
    assertThat(f.rootCause()).isEqualTo(RootCause.ACCESS_TOKEN_EXPIRED);
    assertThat(f.evidence()).containsEntry("error_description", "Invalid Value");
  }

  @Test
  void anUnreachableEndpointIsSaidPlainly() throws Exception {
    CheckContext ctx = CheckContext.standalone(GoogleContexts.gmail().accessToken(Secret.of("ya29.token"))
        .attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT, "http://127.0.0.1:1/tokeninfo").timeout(Duration.ofSeconds(2)).build());
    Finding f = new TokenInfo().run(ctx);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.summary()).contains("could not be reached");
    assertThat(f.rootCause()).isNull();
  }

  @Test
  void withoutAnyTokenThereIsNothingToRead() throws Exception {
    CheckContext ctx = CheckContext.standalone(GoogleContexts.gmail().refreshToken(Secret.of("r")).build());
    assertThat(new TokenInfo().run(ctx).severity()).isEqualTo(Severity.SKIPPED);
  }
}
