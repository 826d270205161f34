package dev.maildiag.testkit.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.maildiag.testkit.internal.HttpsWireMock;
import java.time.Instant;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Google's token and token-info endpoints on loopback (WireMock, HTTPS with the test CA's certificate for localhost,
 * dynamic port), answering with Google's JSON:
 * a refresh grant either issues a token or is refused with Google's {@code error}/{@code error_description},
 * and token-info describes the tokens this server issued and refuses every other one with {@code Invalid Value}.
 *
 * <pre>{@code
 * try (GoogleOAuthServer google = GoogleOAuthServer.start().issues("ya29.a", "https://mail.google.com/", "me@example.com")) {
 *   context.tokenEndpoint(google.tokenEndpoint()).attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT, google.tokenInfoEndpoint());
 * }
 * }</pre>
 */
public final class GoogleOAuthServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WireMockServer wireMock;

  private GoogleOAuthServer(WireMockServer wireMock) {
    this.wireMock = wireMock;
  }

  /** Starts on 127.0.0.1 with a free port; every token-info request is refused until {@link #issues} says otherwise. */
  public static GoogleOAuthServer start() {
    // HTTPS only, like Microsoft's identity platform: clients trust the test CA (TestCa) to call it
    WireMockServer server = new WireMockServer(HttpsWireMock.config());
    server.start();
    GoogleOAuthServer google = new GoogleOAuthServer(server);
    google.wireMock.stubFor(post(urlPathEqualTo("/tokeninfo")).atPriority(10)
        .willReturn(json(400, "{\"error\":\"invalid_token\",\"error_description\":\"Invalid Value\"}")));
    return google;
  }

  public String tokenEndpoint() {
    return wireMock.baseUrl() + "/token";
  }

  public String tokenInfoEndpoint() {
    return wireMock.baseUrl() + "/tokeninfo";
  }

  /**
   * The refresh grant issues {@code accessToken} with {@code scope}, and token-info describes it as belonging to
   * {@code email} (or to nobody when null: a token requested without the email scope).
   */
  public GoogleOAuthServer issues(String accessToken, String scope, String email) {
    ObjectNode token = JSON.createObjectNode()
        .put("access_token", accessToken).put("expires_in", 3599).put("scope", scope).put("token_type", "Bearer");
    wireMock.stubFor(post(urlPathEqualTo("/token")).willReturn(json(200, token.toString())));
    return describes(accessToken, scope, email);
  }

  /** Token-info describes {@code accessToken} (e.g. a token configured in the handler rather than refreshed). */
  public GoogleOAuthServer describes(String accessToken, String scope, String email) {
    ObjectNode info = JSON.createObjectNode()
        .put("azp", GoogleSimulation.CLIENT_ID).put("aud", GoogleSimulation.CLIENT_ID).put("sub", "104857600000000000001")
        .put("scope", scope).put("exp", Long.toString(Instant.now().plusSeconds(3599).getEpochSecond())).put("expires_in", "3599");
    if (email != null) {
      info.put("email", email).put("email_verified", "true");
    }
    info.put("access_type", "offline");
    wireMock.stubFor(post(urlPathEqualTo("/tokeninfo")).atPriority(1)
        .withRequestBody(containing("access_token=" + accessToken))
        .willReturn(json(200, info.toString())));
    return this;
  }

  /** The token endpoint refuses every grant with Google's error answer. */
  public GoogleOAuthServer refuses(int status, String error, String description) {
    ObjectNode body = JSON.createObjectNode().put("error", error);
    if (description != null) {
      body.put("error_description", description);
    }
    wireMock.stubFor(post(urlPathEqualTo("/token")).willReturn(json(status, body.toString())));
    return this;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }

  @Override
  public void close() {
    wireMock.stop();
  }
}
