package dev.maildiag.api.internal.net;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.IdentityCalls;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SPI's identity calls, as provider checks use them for token-info and user-info endpoints. */
class IdentityHttpTest {
  @RegisterExtension
  static WireMockExtension idp = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static CheckContext ctx(NetworkSettings network) {
    return CheckContext.standalone(DiagnosticContext.builder().network(network).timeout(Duration.ofSeconds(3)).build());
  }

  @Test
  void aGetReturnsStatusHeadersAndBody() throws Exception {
    idp.stubFor(get(urlEqualTo("/userinfo")).withHeader("Authorization", equalTo("Bearer at-1"))
        .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"").withBody("{\"error\":\"x\"}")));

    IdentityCalls.Answer a = ctx(NetworkSettings.direct()).identity().get(idp.baseUrl() + "/userinfo", Map.of("Authorization", "Bearer at-1"));

    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("www-authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(a.header("WWW-Authenticate")).isEqualTo(a.header("www-authenticate"));
    assertThat(a.body()).isEqualTo("{\"error\":\"x\"}");
  }

  @Test
  void aFormPostKeepsTheSecretOutOfTheUrl() throws Exception {
    idp.stubFor(post(urlEqualTo("/tokeninfo")).willReturn(aResponse().withStatus(200).withBody("{\"scope\":\"https://mail.google.com/\"}")));

    IdentityCalls.Answer a = ctx(NetworkSettings.direct()).identity().postForm(idp.baseUrl() + "/tokeninfo", Map.of("access_token", "at-2"));

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).contains("mail.google.com");
    idp.verify(postRequestedFor(urlEqualTo("/tokeninfo")).withRequestBody(equalTo("access_token=at-2")));
  }

  @Test
  void aHugeAnswerIsReadOnlyUpToTheLimit() throws Exception {
    idp.stubFor(get(urlEqualTo("/huge")).willReturn(aResponse().withStatus(200).withBody("x".repeat(IdentityCalls.MAX_BODY_CHARS * 3))));

    IdentityCalls.Answer a = ctx(NetworkSettings.direct()).identity().get(idp.baseUrl() + "/huge", Map.of());

    assertThat(a.body()).hasSize(IdentityCalls.MAX_BODY_CHARS);
  }

  @Test
  void theDiagnosisProxyDecisionApplies() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    NetworkSettings proxied = new NetworkSettings(null, new ProxyServer("127.0.0.1", closed, null, null, "https.proxyHost"),
        "", null, null, Map.of(), Map.of());
    idp.stubFor(get(urlEqualTo("/direct")).willReturn(aResponse().withStatus(200)));

    // the proxy that the context names refuses connections: the call fails instead of going direct
    assertThatThrownBy(() -> ctx(proxied).identity().get(idp.baseUrl().replace("127.0.0.1", "idp.example.test") + "/direct", Map.of()))
        .isInstanceOf(IOException.class).hasMessageContaining(":" + closed); // it went to the proxy, not to the host
  }

  @Test
  void aMalformedUrlFailsWithoutRepeatingIt() {
    assertThatThrownBy(() -> ctx(NetworkSettings.direct()).identity().get("not a url?access_token=secret-in-url", Map.of()))
        .isInstanceOf(IOException.class).hasMessageNotContaining("secret-in-url");
  }
}
