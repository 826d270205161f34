package dev.maildiag.api.internal.oauth;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenError;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenGrantTest {
  @RegisterExtension
  static WireMockExtension idp = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private DiagnosticContext.Builder context() {
    return DiagnosticContext.builder()
        .tokenEndpoint(idp.baseUrl() + "/tenant/oauth2/v2.0/token")
        .clientId("client-1")
        .clientSecret(Secret.of("s3cret-value"))
        .scope("https://outlook.office.com/IMAP.AccessAsUser.All").scope("offline_access")
        .network(NetworkSettings.direct())
        .timeout(Duration.ofSeconds(5));
  }

  private static CheckContext ctx(DiagnosticContext context) {
    return new CheckContext(context, new Facts(), Explainer.of(List.of(new OAuthErrorCodes())));
  }

  @Test
  void refreshGrantPutsTheNewAccessTokenInTheFacts() throws Exception {
    idp.stubFor(post(urlEqualTo("/tenant/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token_type\":\"Bearer\",\"access_token\":\"new-at\",\"expires_in\":3599,\"scope\":\"IMAP.AccessAsUser.All\",\"refresh_token\":\"rt-2\"}")));
    CheckContext ctx = ctx(context().refreshToken(Secret.of("rt-1")).build());

    Finding f = new AccessTokenGrant().run(ctx);

    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(ctx.facts().get(Facts.ACCESS_TOKEN)).map(Secret::reveal).contains("new-at");
    assertThat(f.evidence()).containsEntry("grant", "refresh_token").containsEntry("new refresh token issued", "true");
    assertThat(f.toString()).doesNotContain("new-at", "rt-1", "rt-2", "s3cret-value");
    idp.verify(postRequestedFor(urlEqualTo("/tenant/oauth2/v2.0/token"))
        .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("client_secret=s3cret-value")));
  }

  @Test
  void clientCredentialsGrantWhenThereIsASecretAndNoRefreshToken() throws Exception {
    idp.stubFor(post(urlEqualTo("/tenant/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token_type\":\"Bearer\",\"access_token\":\"app-at\",\"expires_in\":3599}")));
    CheckContext ctx = ctx(context().build());

    Finding f = new AccessTokenGrant().run(ctx);

    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.evidence()).containsEntry("grant", "client_credentials");
    idp.verify(postRequestedFor(urlEqualTo("/tenant/oauth2/v2.0/token")).withRequestBody(containing("grant_type=client_credentials")));
  }

  @Test
  void refusalKeepsCodesAndIdsButNeverTheRequest() throws Exception {
    idp.stubFor(post(urlEqualTo("/tenant/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.\\r\\nTrace ID: 1111\\r\\nCorrelation ID: 2222\",\"error_codes\":[70008],\"trace_id\":\"1111\",\"correlation_id\":\"2222\"}")));
    CheckContext ctx = ctx(context().refreshToken(Secret.of("rt-1")).build());

    Finding f = new AccessTokenGrant().run(ctx);

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
    assertThat(f.evidence()).containsEntry("error", "invalid_grant").containsEntry("error codes", "AADSTS70008")
        .containsEntry("trace_id", "1111").containsEntry("correlation_id", "2222");
    assertThat(ctx.facts().get(TokenError.FACT)).map(TokenError::codes).contains(List.of("70008"));
    assertThat(f.toString()).doesNotContain("rt-1", "s3cret-value");
  }

  @Test
  void unknownErrorStillNamesCodeAndText() throws Exception {
    idp.stubFor(post(urlEqualTo("/tenant/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"strange_error\",\"error_description\":\"AADSTS99999: Something new.\",\"error_codes\":[99999]}")));

    Finding f = new AccessTokenGrant().run(ctx(context().refreshToken(Secret.of("rt-1")).build()));

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isNull();
    assertThat(f.summary()).contains("strange_error", "AADSTS99999");
    assertThat(f.evidence()).containsEntry("error_description", "AADSTS99999: Something new.");
  }

  @Test
  void anAnswerThatIsNoTokenResponseIsAFindingNotACrash() throws Exception {
    // malformed JSON with a success status: Nimbus throws ParseException, which must not escape the check
    idp.stubFor(post(urlEqualTo("/tenant/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"access_token\": \"at\", \"token_type\": ")));

    Finding f = new AccessTokenGrant().run(ctx(context().refreshToken(Secret.of("rt-1")).build()));

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).contains("HTTP 200", "not an OAuth token response");
    assertThat(f.evidence()).containsEntry("content type", "application/json");
    assertThat(f.toString()).doesNotContain("rt-1", "s3cret-value", "\"at\"");
  }

  @Test
  void closedPortIsANetworkProblemNotAnOAuthOne() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    DiagnosticContext c = context().tokenEndpoint("http://127.0.0.1:" + port + "/token").refreshToken(Secret.of("rt")).build();

    Finding f = new AccessTokenGrant().run(ctx(c));

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
  }

  @Test
  void refusingProxyIsProxyBlocking() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    NetworkSettings proxied = new NetworkSettings(null, new ProxyServer("127.0.0.1", port, null, null, "https.proxyHost"),
        "*.corp.example", null, null, java.util.Map.of(), java.util.Map.of());

    Finding f = new AccessTokenGrant().run(ctx(context().network(proxied).refreshToken(Secret.of("rt")).build()));

    assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(f.evidence().get("route")).contains("through HTTP proxy 127.0.0.1:" + port);
  }

  @Test
  void aProxysOwnAnswerIsNotAnOAuthError() throws Exception {
    idp.stubFor(post(urlEqualTo("/proxied/token")).willReturn(aResponse().withStatus(403).withBody("<html>Blocked by policy</html>")));
    NetworkSettings proxied = new NetworkSettings(null, new ProxyServer("127.0.0.1", idp.getPort(), null, null, "https.proxyHost"),
        "*.corp.example", null, null, java.util.Map.of(), java.util.Map.of());

    Finding f = new AccessTokenGrant().run(ctx(context().network(proxied).tokenEndpoint("http://login.example.test/proxied/token")
        .refreshToken(Secret.of("rt")).build()));

    assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(f.evidence().get("HTTP status")).startsWith("403");
  }

  @Test
  void appliesOnlyWithSomethingToGrant() {
    assertThat(new AccessTokenGrant().appliesTo(context().clientSecret(null).build())).isFalse();
    assertThat(new AccessTokenGrant().appliesTo(context().build())).isTrue();
  }
}
