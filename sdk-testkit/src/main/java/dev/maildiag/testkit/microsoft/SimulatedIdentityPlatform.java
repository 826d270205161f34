package dev.maildiag.testkit.microsoft;

import dev.maildiag.testkit.internal.TestStores;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.maildiag.testkit.internal.HttpsWireMock;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import dev.maildiag.testkit.SimulatedSignIn;
import dev.maildiag.testkit.internal.SignInEndpoints;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A simulated Microsoft identity platform on loopback (WireMock, HTTPS with the test CA, dynamic port): token endpoints per tenant
 * segment that answer with access tokens signed by a test RSA key, shaped like Entra's v1 tokens for
 * Exchange Online, or with Entra's real error bodies ({@code AADSTS} codes, trace and correlation ids).
 *
 * <pre>{@code
 * try (SimulatedIdentityPlatform idp = SimulatedIdentityPlatform.start()) {
 *   idp.issues("contoso-tenant-id", idp.token().user("alice@contoso.com").scopes("IMAP.AccessAsUser.All").sign());
 *   idp.refuses("common", 400, SimulatedIdentityPlatform.aadsts(50194, "invalid_request", "Application ... is not configured as a multi-tenant application."));
 * }
 * }</pre>
 */
public final class SimulatedIdentityPlatform implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile RSAKey key;

  private final WireMockServer server;
  private final String rotatedRefreshToken;
  private final SimulatedSignIn signIn;
  private volatile Function<String, String> accessTokenFor = account -> token().user(account).scopes(List.of("IMAP.AccessAsUser.All")).sign();

  private SimulatedIdentityPlatform(WireMockServer server, SimulatedSignIn signIn, String rotatedRefreshToken) {
    this.server = server;
    this.signIn = signIn;
    this.rotatedRefreshToken = rotatedRefreshToken;
  }

  /**
   * Starts on 127.0.0.1 with a free port and no token stubs (every token request gets WireMock's 404 until
   * {@link #issues} or {@link #refuses}); the interactive endpoints ({@code authorize}, {@code devicecode}, codes
   * and device codes at {@code token}) answer as {@link #signIn()} scripts them.
   *
   * @return the running platform; close it to stop it
   */
  public static SimulatedIdentityPlatform start() {
    String refreshToken = "sim-rt-" + UUID.randomUUID();
    SimulatedIdentityPlatform[] self = new SimulatedIdentityPlatform[1];
    SimulatedSignIn script = new SimulatedSignIn();
    SignInEndpoints endpoints = new SignInEndpoints(SignInEndpoints.Dialect.MICROSOFT, script, account -> self[0].accessTokenFor.apply(account), refreshToken);
    // HTTPS only, with the test CA's certificate for localhost: trust TestCa to call it
    WireMockServer server = new WireMockServer(HttpsWireMock.config().containerThreads(8).jettyAcceptors(1).extensions(endpoints));
    server.start();
    String tenant = "/[^/]+/oauth2/v2\\.0/";
    server.stubFor(get(urlPathMatching(tenant + "authorize")).atPriority(1).willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    server.stubFor(post(urlPathMatching(tenant + "login")).atPriority(1).willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    server.stubFor(post(urlPathMatching(tenant + "devicecode")).atPriority(1).willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    server.stubFor(post(urlPathMatching(tenant + "token")).atPriority(1)
        .withRequestBody(matching(".*grant_type=(authorization_code|urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code).*"))
        .willReturn(aResponse().withTransformers(SignInEndpoints.NAME)));
    self[0] = new SimulatedIdentityPlatform(server, script, refreshToken);
    return self[0];
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
   * How the access token of an account that signs in interactively looks (tenant, client, scopes).
   *
   * @param accessToken the signed token for an account
   * @return this platform
   */
  public SimulatedIdentityPlatform mintsForSignIn(Function<String, String> accessToken) {
    this.accessTokenFor = accessToken;
    return this;
  }

  /**
   * The platform's base URL, standing in for {@code https://login.microsoftonline.com}.
   *
   * @return {@code https://localhost:<port>}
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * {@code <base>/<tenant>/oauth2/v2.0/token}; tenant may be a tenant id, a domain, {@code common} or {@code organizations}.
   *
   * @param tenant the tenant segment
   * @return the token endpoint
   */
  public String tokenEndpoint(String tenant) {
    return baseUrl() + "/" + tenant + "/oauth2/v2.0/token";
  }

  /**
   * {@code <base>/<tenant>/oauth2/v2.0/authorize}.
   *
   * @param tenant the tenant segment
   * @return the authorization endpoint
   */
  public String authorizationEndpoint(String tenant) {
    return baseUrl() + "/" + tenant + "/oauth2/v2.0/authorize";
  }

  /**
   * Answers token requests at the tenant's endpoint with this access token (and a rotated refresh token).
   *
   * @param tenant the tenant segment
   * @param accessToken the token to issue, e.g. from {@link #token()}
   * @param scope the granted scope, as the answer's {@code scope}
   * @return this platform
   */
  public SimulatedIdentityPlatform issues(String tenant, String accessToken, String scope) {
    ObjectNode body = JSON.createObjectNode()
        .put("token_type", "Bearer")
        .put("scope", scope)
        .put("expires_in", 3599)
        .put("ext_expires_in", 3599)
        .put("access_token", accessToken)
        .put("refresh_token", rotatedRefreshToken);
    return answer(tenant, 200, body.toString());
  }

  /**
   * The refresh token this platform hands out with every access token (a secret, like the others).
   *
   * @return the refresh token
   */
  public String rotatedRefreshToken() {
    return rotatedRefreshToken;
  }

  /**
   * Answers token requests at the tenant's endpoint with an error body, e.g. from {@link #aadsts}.
   *
   * @param tenant the tenant segment
   * @param status the HTTP status, e.g. 400 or 401
   * @param body the JSON body
   * @return this platform
   */
  public SimulatedIdentityPlatform refuses(String tenant, int status, String body) {
    return answer(tenant, status, body);
  }

  private SimulatedIdentityPlatform answer(String tenant, int status, String body) {
    server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("Cache-Control", "no-store, no-cache")
        .withBody(body)));
    return this;
  }

  /**
   * An error body as Entra sends it: the code in {@code error_codes} and in the description with ids and time.
   *
   * @param code the AADSTS number, e.g. {@code 7000222}
   * @param error the OAuth error, e.g. {@code invalid_client}
   * @param message Entra's message, without the {@code AADSTS} prefix
   * @return the JSON body
   */
  public static String aadsts(int code, String error, String message) {
    String traceId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    String timestamp = Instant.now().toString().replace("T", " ").replace("Z", "Z");
    ObjectNode body = JSON.createObjectNode()
        .put("error", error)
        .put("error_description", "AADSTS" + code + ": " + message + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: "
            + correlationId + "\r\nTimestamp: " + timestamp);
    body.putArray("error_codes").add(code);
    body.put("timestamp", timestamp)
        .put("trace_id", traceId)
        .put("correlation_id", correlationId)
        .put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    return body.toString();
  }

  /**
   * Starts describing an access token signed by this platform's key.
   *
   * @return a builder for the token's claims
   */
  public static TokenBuilder token() {
    return new TokenBuilder();
  }

  /**
   * Whether this simulation signed the token (the simulated Exchange accepts nothing else).
   *
   * @param token a token
   * @return whether it is a JWT signed with this simulation's key
   */
  public static boolean signed(String token) {
    try {
      return SignedJWT.parse(token).verify(new RSASSAVerifier(key().toRSAPublicKey()));
    } catch (ParseException | JOSEException e) {
      return false;
    }
  }

  private static RSAKey key() {
    RSAKey k = key;
    if (k == null) {
      synchronized (SimulatedIdentityPlatform.class) {
        if (key == null) {
          try {
            key = new RSAKeyGenerator(2048).keyID("maildiag-sim").generate();
          } catch (JOSEException e) {
            throw new IllegalStateException(e);
          }
        }
        k = key;
      }
    }
    return k;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** An Entra-style (v1) access token for Exchange Online. */
  public static final class TokenBuilder {
    private String audience = "https://outlook.office.com";
    private String issuerHost = "sts.windows.net";
    private String tenant = UUID.randomUUID().toString();
    private String user;
    private String clientId = UUID.randomUUID().toString();
    private List<String> scopes = List.of();
    private List<String> roles = List.of();
    private Instant expires = Instant.now().plusSeconds(3599);

    /**
     * The audience ({@code aud}), e.g. {@code https://outlook.office.com}.
     *
     * @param aud the audience
     * @return this builder
     */
    public TokenBuilder audience(String aud) { this.audience = aud; return this; }
    /**
     * The issuer's host ({@code iss} is {@code https://<host>/<tenant>/}).
     *
     * @param host e.g. {@code sts.windows.net}
     * @return this builder
     */
    public TokenBuilder issuerHost(String host) { this.issuerHost = host; return this; }
    /**
     * The tenant ({@code tid}).
     *
     * @param tid the tenant id
     * @return this builder
     */
    public TokenBuilder tenant(String tid) { this.tenant = tid; return this; }
    /**
     * The signed-in user ({@code upn}).
     *
     * @param upn the user's address
     * @return this builder
     */
    public TokenBuilder user(String upn) { this.user = upn; return this; }
    /**
     * The app ({@code appid}).
     *
     * @param appId the client id
     * @return this builder
     */
    public TokenBuilder clientId(String appId) { this.clientId = appId; return this; }
    /**
     * Delegated permissions ({@code scp}).
     *
     * @param scp the permissions, e.g. {@code IMAP.AccessAsUser.All}
     * @return this builder
     */
    public TokenBuilder scopes(List<String> scp) { this.scopes = List.copyOf(scp); return this; }
    /**
     * Application permissions ({@code roles}) of an app-only token.
     *
     * @param r the roles, e.g. {@code IMAP.AccessAsApp}
     * @return this builder
     */
    public TokenBuilder roles(List<String> r) { this.roles = List.copyOf(r); return this; }
    /**
     * When the token expires ({@code exp}); an hour from now by default.
     *
     * @param exp the expiry
     * @return this builder
     */
    public TokenBuilder expires(Instant exp) { this.expires = exp; return this; }

    /**
     * Signs the token with the simulation's RSA key.
     *
     * @return the compact JWT
     */
    public String sign() {
      Instant now = Instant.now();
      JWTClaimsSet.Builder c = new JWTClaimsSet.Builder()
          .audience(audience)
          .issuer("https://" + issuerHost + "/" + tenant + "/")
          .issueTime(Date.from(now.minusSeconds(300)))
          .notBeforeTime(Date.from(now.minusSeconds(300)))
          .expirationTime(Date.from(expires))
          .claim("tid", tenant)
          .claim("appid", clientId)
          .claim("appidacr", "1")
          .claim("ver", "1.0")
          .claim("oid", UUID.randomUUID().toString());
      if (user != null) {
        c.claim("upn", user).claim("unique_name", user).claim("idtyp", "user");
      } else {
        c.claim("idtyp", "app");
      }
      if (!scopes.isEmpty()) {
        c.claim("scp", String.join(" ", scopes));
      }
      if (!roles.isEmpty()) {
        c.claim("roles", roles);
      }
      try {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key().getKeyID()).build(), c.build());
        jwt.sign(new RSASSASigner(key()));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
