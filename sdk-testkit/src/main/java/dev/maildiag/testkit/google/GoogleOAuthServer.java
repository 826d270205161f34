package dev.maildiag.testkit.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.maildiag.testkit.internal.HttpsWireMock;
import dev.maildiag.google.GoogleCatalog;
import dev.maildiag.testkit.SimulatedSignIn;
import dev.maildiag.testkit.internal.SignInEndpoints;
import java.time.Instant;
import java.util.UUID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
  private final SimulatedSignIn signIn;
  private final String signInRefreshToken;
  private volatile java.util.function.Function<String, String> signInTokens = account -> "ya29.signed-in-" + UUID.randomUUID();

  private GoogleOAuthServer(WireMockServer wireMock, SimulatedSignIn signIn, String signInRefreshToken) {
    this.wireMock = wireMock;
    this.signIn = signIn;
    this.signInRefreshToken = signInRefreshToken;
  }

  /**
   * Starts on 127.0.0.1 with a free port; every token-info request is refused until {@link #issues} says otherwise.
   * The interactive endpoints ({@code /o/oauth2/v2/auth}, {@code /device/code}, codes at {@code /token}) answer as
   * {@link #signIn()} scripts them; an account that signs in gets an opaque token that token-info describes as its.
   *
   * @return the running server; close it to stop it
   */
  public static GoogleOAuthServer start() {
    String refreshToken = "1//sim-signed-in-" + UUID.randomUUID();
    GoogleOAuthServer[] self = new GoogleOAuthServer[1];
    SimulatedSignIn script = new SimulatedSignIn();
    SignInEndpoints endpoints = new SignInEndpoints(SignInEndpoints.Dialect.GOOGLE, script, account -> self[0].signedIn(account), refreshToken);
    // HTTPS only, like Microsoft's identity platform: clients trust the test CA (TestCa) to call it
    WireMockServer server = new WireMockServer(HttpsWireMock.config().extensions(endpoints));
    server.start();
    server.stubFor(get(urlPathEqualTo("/o/oauth2/v2/auth")).atPriority(1).willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    server.stubFor(post(urlPathEqualTo("/o/oauth2/v2/login")).atPriority(1).willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    server.stubFor(post(urlPathEqualTo("/device/code")).atPriority(1).willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    server.stubFor(post(urlPathEqualTo("/token")).atPriority(1)
        .withRequestBody(matching(".*grant_type=(authorization_code|urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code).*"))
        .willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    GoogleOAuthServer google = new GoogleOAuthServer(server, script, refreshToken);
    self[0] = google;
    google.wireMock.stubFor(post(urlPathEqualTo("/tokeninfo")).atPriority(10)
        .willReturn(json(400, "{\"error\":\"invalid_token\",\"error_description\":\"Invalid Value\"}")));
    return google;
  }

  /**
   * The token endpoint, standing in for {@code https://oauth2.googleapis.com/token}.
   *
   * @return {@code https://localhost:<port>/token}
   */
  public String tokenEndpoint() {
    return wireMock.baseUrl() + "/token";
  }

  /**
   * The token-info endpoint, standing in for {@code https://oauth2.googleapis.com/tokeninfo}.
   *
   * @return {@code https://localhost:<port>/tokeninfo}
   */
  public String tokenInfoEndpoint() {
    return wireMock.baseUrl() + "/tokeninfo";
  }

  /**
   * The authorization endpoint, standing in for {@code https://accounts.google.com/o/oauth2/v2/auth}.
   *
   * @return its URL
   */
  public String authorizationEndpoint() {
    return wireMock.baseUrl() + "/o/oauth2/v2/auth";
  }

  /**
   * The device authorization endpoint (which refuses Gmail's scope, as Google's does).
   *
   * @return its URL
   */
  public String deviceAuthorizationEndpoint() {
    return wireMock.baseUrl() + "/device/code";
  }

  /**
   * The interactive sign-in: who signs in and what they do, the registered redirect URIs, a refusing sign-in page.
   *
   * @return the sign-in's script, to change
   */
  public SimulatedSignIn signIn() {
    return signIn;
  }

  /**
   * The access token an account gets when it signs in interactively (e.g. the one the simulated Gmail accepts).
   *
   * @param tokenOfAccount the token for an account
   * @return this server
   */
  public GoogleOAuthServer tokensForSignIn(java.util.function.Function<String, String> tokenOfAccount) {
    this.signInTokens = tokenOfAccount;
    return this;
  }

  /**
   * After a sign-in, the refresh grant of the refresh token issued then gives a token of the account that
   * signed in, and token-info describes it (with the mail scope and the account's email).
   */
  private String signedIn(String account) {
    String token = signInTokens.apply(account);
    ObjectNode body = JSON.createObjectNode()
        .put("access_token", token).put("expires_in", 3599).put("scope", GoogleCatalog.MAIL_SCOPE + " openid email").put("token_type", "Bearer");
    wireMock.stubFor(post(urlPathEqualTo("/token")).atPriority(2).withRequestBody(containing(
            "refresh_token=" + java.net.URLEncoder.encode(signInRefreshToken, java.nio.charset.StandardCharsets.UTF_8)))
        .willReturn(json(200, body.toString())));
    describes(token, GoogleCatalog.MAIL_SCOPE + " openid email", account);
    return token;
  }

  /**
   * The refresh grant issues {@code accessToken} with {@code scope}, and token-info describes it as belonging to
   * {@code email} (or to nobody when null: a token requested without the email scope).
   *
   * @param accessToken the token to issue
   * @param scope the granted scope
   * @param email the account it belongs to, or null
   * @return this server
   */
  public GoogleOAuthServer issues(String accessToken, String scope, String email) {
    ObjectNode token = JSON.createObjectNode()
        .put("access_token", accessToken).put("expires_in", 3599).put("scope", scope).put("token_type", "Bearer");
    wireMock.stubFor(post(urlPathEqualTo("/token")).willReturn(json(200, token.toString())));
    return describes(accessToken, scope, email);
  }

  /**
   * Token-info describes {@code accessToken} (e.g. a token configured in the handler rather than refreshed).
   *
   * @param accessToken the token
   * @param scope its scope
   * @param email its account, or null
   * @return this server
   */
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

  /**
   * The token endpoint refuses every grant with Google's error answer.
   *
   * @param status the HTTP status, e.g. 400
   * @param error Google's {@code error}, e.g. {@code invalid_grant}
   * @param description Google's {@code error_description}, or null
   * @return this server
   */
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
