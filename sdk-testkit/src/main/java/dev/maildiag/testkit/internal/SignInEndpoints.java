package dev.maildiag.testkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.testkit.SimulatedSignIn;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The interactive side of a simulated identity platform, as a WireMock response transformer: the
 * authorization page (which checks the client, the redirect URI and the tenant before anyone signs in, and
 * shows its refusal on its own page as the real ones do), a sign-in form that submits itself (so a real
 * headless browser follows it without clicking), the {@link ScriptedUser}'s decision, the device
 * authorization endpoint with its polling answers, and the redemption of codes (PKCE checked) and device codes.
 * Speaks Microsoft's or Google's dialect of errors. Not API: may change.
 */
public final class SignInEndpoints implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "maildiag-sign-in";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Whose error shapes to speak. */
  public enum Dialect { MICROSOFT, GOOGLE }

  /** A code issued to the browser, until it is redeemed. */
  private record Grant(String account, String redirectUri, String challenge, String scope) {}

  /** A device code and how often it was polled. */
  private static final class DeviceGrant {
    final String scope;
    final long expiresAt;
    int polls;

    DeviceGrant(String scope, long expiresAt) {
      this.scope = scope;
      this.expiresAt = expiresAt;
    }
  }

  private final Dialect dialect;
  private final SimulatedSignIn script;
  private final Function<String, String> mintAccessToken;
  private final String refreshToken;
  private final byte[] idTokenKey = new byte[32];
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, DeviceGrant> deviceCodes = new ConcurrentHashMap<>();

  /**
   * @param dialect whose errors to speak
   * @param script who signs in and what the app registration allows
   * @param mintAccessToken the access token for a signed-in account (a signed JWT, or an opaque token the platform describes)
   * @param refreshToken the refresh token issued with every sign-in
   */
  public SignInEndpoints(Dialect dialect, SimulatedSignIn script, Function<String, String> mintAccessToken, String refreshToken) {
    this.dialect = dialect;
    this.script = script;
    this.mintAccessToken = mintAccessToken;
    this.refreshToken = refreshToken;
    RANDOM.nextBytes(idTokenKey);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    URI url = URI.create(request.getUrl());
    String path = url.getPath();
    try {
      if (path.endsWith("/authorize") || path.endsWith("/auth")) {
        return authorize(Query.of(url.getRawQuery()), path);
      }
      if (path.endsWith("/login")) {
        return signIn(Query.of(request.getBodyAsString()));
      }
      if (path.endsWith("/devicecode") || path.endsWith("/device/code")) {
        return deviceCode(Query.of(request.getBodyAsString()));
      }
      return token(Query.of(request.getBodyAsString()));
    } catch (RuntimeException e) {
      return json(500, "{\"error\":\"server_error\"}");
    }
  }

  // --- the authorization page

  private ResponseDefinition authorize(Map<String, String> q, String path) {
    String refusal = script.pageRefusal();
    if (refusal != null) {
      return errorPage(refusal);
    }
    String redirect = q.get("redirect_uri");
    if (redirect == null || !registered(redirect)) {
      return errorPage(dialect == Dialect.MICROSOFT
          ? "AADSTS50011: The redirect URI '" + redirect + "' specified in the request does not match the redirect URIs configured for"
              + " the application '" + q.get("client_id") + "'. Make sure the redirect URI sent in the request matches one added to your"
              + " application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this."
          : "Error 400: redirect_uri_mismatch You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy."
              + " If you're the app developer, register the redirect URI in the Google Cloud Console. Request details: redirect_uri=" + redirect);
    }
    if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
      return redirect(redirect, Map.of("error", "invalid_request", "error_description", "PKCE with S256 is required", "state", nz(q.get("state"))));
    }
    // the sign-in form, submitted by script: what the user types is the ScriptedUser's
    StringBuilder form = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in</title></head><body>"
        + "<p>Sign in to continue</p><form method=\"post\" action=\"" + path.substring(0, path.lastIndexOf('/')) + "/login\">");
    for (Map.Entry<String, String> e : q.entrySet()) {
      form.append("<input type=\"hidden\" name=\"").append(html(e.getKey())).append("\" value=\"").append(html(e.getValue())).append("\">");
    }
    form.append("<noscript><button type=\"submit\">Sign in</button></noscript></form><script>document.forms[0].submit();</script></body></html>");
    return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
        .withHeader("Cache-Control", "no-store").withBody(form.toString()).build();
  }

  private ResponseDefinition signIn(Map<String, String> q) {
    ScriptedUser u = script.user();
    String redirect = q.get("redirect_uri");
    String state = nz(q.get("state"));
    switch (u.action()) {
      case DECLINES:
        return redirect(redirect, dialect == Dialect.MICROSOFT
            ? Map.of("error", "access_denied", "error_description",
                "AADSTS65004: User declined to consent to access the app. Trace ID: " + UUID.randomUUID(), "state", state)
            : Map.of("error", "access_denied", "state", state));
      case HITS_CONDITIONAL_ACCESS:
        return dialect == Dialect.MICROSOFT
            ? redirect(redirect, Map.of("error", "access_denied", "error_description",
                "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
                "state", state))
            : errorPage("Error 400: admin_policy_enforced Access to your account data is restricted by policies within your organization.");
      case HITS_ADMIN_BLOCK:
        return errorPage(dialect == Dialect.MICROSOFT
            ? "AADSTS50105: Your administrator has configured the application Jira Mail ('" + q.get("client_id") + "') to block users"
                + " unless they are specifically granted ('assigned') access to the application."
            : "Access blocked: Jira Mail is blocked. Error 400: admin_policy_enforced This app is blocked by your administrator."
                + " Access to your account data is restricted by policies within your organization.");
      case REFUSED_AS_UNVERIFIED_APP:
        return errorPage("Access blocked: Jira Mail has not completed the Google verification process. Jira Mail has not completed the"
            + " Google verification process. The app is currently being tested, and can only be accessed by developer-approved testers."
            + " Error 403: access_denied");
      case NEVER_SIGNS_IN:
        return errorPage("Sign-in was not finished.");
      case CONSENTS:
      default:
        String code = secret(dialect == Dialect.MICROSOFT ? "0.AS" : "4/0A");
        codes.put(code, new Grant(u.signedInAccount(), redirect, q.get("code_challenge"), q.get("scope")));
        return redirect(redirect, Map.of("code", code, "state", state));
    }
  }

  // --- device authorization (RFC 8628)

  private ResponseDefinition deviceCode(Map<String, String> q) {
    if (dialect == Dialect.GOOGLE && nz(q.get("scope")).contains("https://mail.google.com/")) {
      return json(400, "{\"error\":\"invalid_scope\",\"error_description\":\"Invalid device flow scope: https://mail.google.com/\"}");
    }
    if (script.pageRefusal() != null && script.pageRefusal().startsWith("AADSTS")) {
      return json(400, aadsts(script.pageRefusal(), "invalid_request"));
    }
    String deviceCode = secret("DAQABAAEAAA");
    String userCode = "SIM" + (100000 + RANDOM.nextInt(900000));
    deviceCodes.put(deviceCode, new DeviceGrant(q.get("scope"), System.currentTimeMillis() + script.deviceCodeLifetimeSeconds() * 1000L));
    ObjectNode body = JSON.createObjectNode()
        .put("user_code", userCode)
        .put("device_code", deviceCode)
        .put("verification_uri", "https://microsoft.com/devicelogin")
        .put("expires_in", script.deviceCodeLifetimeSeconds())
        .put("interval", 1)
        .put("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code " + userCode
            + " to authenticate.");
    return json(200, body.toString());
  }

  // --- the token endpoint: codes and device codes (refresh grants are the platform's own stubs)

  private ResponseDefinition token(Map<String, String> q) {
    String grant = nz(q.get("grant_type"));
    if (q.get("code_verifier") != null) {
      script.handled(q.get("code_verifier"));
    }
    if (grant.equals("authorization_code")) {
      Grant g = codes.remove(nz(q.get("code")));
      if (g == null) {
        return json(400, error("invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code"));
      }
      if (!nz(g.redirectUri()).equals(q.get("redirect_uri"))) {
        return json(400, error("invalid_grant", 50148, "The redirect_uri does not match the one used in the authorization request"));
      }
      String verifier = q.get("code_verifier");
      if (verifier == null || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue().equals(g.challenge())) {
        return json(400, error("invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request"));
      }
      return tokens(g.account(), g.scope());
    }
    if (grant.equals("urn:ietf:params:oauth:grant-type:device_code")) {
      DeviceGrant d = deviceCodes.get(nz(q.get("device_code")));
      if (d == null) {
        return json(400, "{\"error\":\"bad_verification_code\",\"error_description\":\"The device code is not known.\"}");
      }
      if (!script.allowsPublicClientFlows()) {
        return json(401, error("invalid_client", 7000218,
            "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));
      }
      ScriptedUser u = script.user();
      int polls;
      synchronized (d) {
        polls = ++d.polls;
      }
      if (System.currentTimeMillis() > d.expiresAt) {
        return json(400, "{\"error\":\"expired_token\",\"error_description\":\"AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.\"}");
      }
      if (polls == 1 && u.asksToSlowDown()) {
        return json(400, "{\"error\":\"slow_down\",\"error_description\":\"Poll less often.\"}");
      }
      if (polls <= u.pollsBeforeSigningIn() || u.action() == ScriptedUser.Action.NEVER_SIGNS_IN) {
        return json(400, error("authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling."));
      }
      switch (u.action()) {
        case DECLINES:
          return json(400, error("authorization_declined", 70000, "The user declined the sign-in request."));
        case HITS_CONDITIONAL_ACCESS:
          return json(400, error("invalid_grant", 53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."));
        case HITS_ADMIN_BLOCK:
          return json(400, error("invalid_grant", 50105, "Your administrator has configured the application to block users unless they are specifically granted ('assigned') access to the application."));
        default:
          deviceCodes.remove(q.get("device_code"));
          return tokens(u.signedInAccount(), d.scope);
      }
    }
    return json(400, "{\"error\":\"unsupported_grant_type\"}");
  }

  private ResponseDefinition tokens(String account, String scope) {
    String access = mintAccessToken.apply(account);
    String idToken = idToken(account);
    script.handled(access);
    script.handled(idToken);
    script.handled(refreshToken);
    ObjectNode body = JSON.createObjectNode()
        .put("token_type", "Bearer")
        .put("scope", nz(scope))
        .put("expires_in", 3599)
        .put("access_token", access)
        .put("refresh_token", refreshToken)
        .put("id_token", idToken);
    return json(200, body.toString());
  }

  private String idToken(String account) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder c = new JWTClaimsSet.Builder()
        .issuer(dialect == Dialect.MICROSOFT ? "https://login.microsoftonline.com/sim/v2.0" : "https://accounts.google.com")
        .subject(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim(dialect == Dialect.MICROSOFT ? "preferred_username" : "email", account);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), c.build());
      jwt.sign(new MACSigner(idTokenKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- shapes

  private boolean registered(String redirect) {
    URI r;
    try {
      r = URI.create(redirect);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (String candidate : script.registeredRedirects()) {
      URI c = URI.create(candidate);
      boolean loopback = "http".equals(c.getScheme()) && ("127.0.0.1".equals(c.getHost()) || "localhost".equals(c.getHost()));
      boolean samePath = normal(c.getPath()).equals(normal(r.getPath()));
      if (loopback && c.getScheme().equals(r.getScheme()) && c.getHost().equals(r.getHost()) && samePath) {
        return true; // a loopback redirect URI matches any port
      }
      if (candidate.equals(redirect)) {
        return true;
      }
    }
    return false;
  }

  private static String normal(String path) {
    return path == null || path.isEmpty() ? "/" : path;
  }

  private ResponseDefinition errorPage(String text) {
    String body = dialect == Dialect.MICROSOFT
        ? "<!doctype html><html><head><title>Sign in to your account</title><script>$Config={\"iErrorCode\":0,"
            + "\"strServiceExceptionMessage\":\"" + text.replace("\"", "'").replace("'", "\\u0027") + "\"};</script></head>"
            + "<body><div>Sorry, but we're having trouble signing you in.</div></body></html>"
        : "<!doctype html><html><head><title>Error</title></head><body><div>" + html(text) + "</div></body></html>";
    return ResponseDefinitionBuilder.responseDefinition().withStatus(dialect == Dialect.MICROSOFT ? 200 : 400)
        .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body).build();
  }

  private static ResponseDefinition redirect(String to, Map<String, String> params) {
    StringBuilder location = new StringBuilder(to).append(to.contains("?") ? '&' : '?');
    Map<String, String> ordered = new LinkedHashMap<>(params);
    ordered.forEach((k, v) -> location.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    location.setLength(location.length() - 1);
    return ResponseDefinitionBuilder.responseDefinition().withStatus(302).withHeader("Location", location.toString())
        .withHeader("Cache-Control", "no-store").withBody("").build();
  }

  private String error(String error, int code, String message) {
    return dialect == Dialect.MICROSOFT ? aadsts("AADSTS" + code + ": " + message, error)
        : JSON.createObjectNode().put("error", error).put("error_description", message).toString();
  }

  private static String aadsts(String text, String error) {
    ObjectNode body = JSON.createObjectNode().put("error", error).put("error_description", text + "\r\nTrace ID: " + UUID.randomUUID());
    String digits = text.replaceFirst("^AADSTS(\\d+).*$", "$1");
    if (!digits.equals(text)) {
      body.putArray("error_codes").add(Long.parseLong(digits));
    }
    return body.toString();
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withHeader("Cache-Control", "no-store").withBody(body).build();
  }

  private String secret(String prefix) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String s = prefix + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    script.handled(s);
    return s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Form and query parameters, decoded. */
  private static final class Query {
    static Map<String, String> of(String raw) {
      Map<String, String> out = new LinkedHashMap<>();
      if (raw == null || raw.isEmpty()) {
        return out;
      }
      URLUtils.parseParameters(raw).forEach((k, v) -> {
        if (!v.isEmpty()) {
          out.put(k, v.get(0));
        }
      });
      return out;
    }
  }
}
