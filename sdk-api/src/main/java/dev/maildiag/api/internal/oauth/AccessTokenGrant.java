package dev.maildiag.api.internal.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.checks.ValuesWellFormed;
import dev.maildiag.api.internal.net.HttpClients;
import dev.maildiag.api.internal.net.ProxyDecision;
import dev.maildiag.api.internal.net.Route;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenError;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Obtains a fresh access token the way the mail handler does: the refresh-token grant, or the
 * client-credentials grant when there is a client secret and no refresh token. The new token goes into
 * {@link Facts#ACCESS_TOKEN} for the mail probes; a refusal is interpreted by every provider.
 */
public final class AccessTokenGrant implements Check {
  public static final String ID = "oauth.token";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Token endpoint issues an access token")
        .finds(RootCause.REFRESH_TOKEN_INVALID, RootCause.CLIENT_SECRET_EXPIRED, RootCause.CLIENT_SECRET_INVALID,
            RootCause.SINGLE_TENANT_ENDPOINT, RootCause.APP_NOT_FOUND, RootCause.TENANT_NOT_FOUND,
            RootCause.CONSENT_REQUIRED, RootCause.CONDITIONAL_ACCESS, RootCause.CLOUD_MISMATCH, RootCause.SCOPES,
            RootCause.NETWORK_BLOCKED, RootCause.PROXY_BLOCKING, RootCause.SERVER_FAILURE)
        .requires(ValuesWellFormed.ID)
        .after("config.urls", "network.identity");
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    OAuthClient o = context.oauth();
    return o.tokenEndpoint() != null && o.clientId() != null
        && (context.tokens().refreshToken() != null || o.clientSecret() != null);
  }

  @Override
  public Finding run(CheckContext ctx) throws ParseException {
    DiagnosticContext context = ctx.context();
    OAuthClient o = context.oauth();
    Secret refreshToken = context.tokens().refreshToken();
    String grantName = refreshToken != null ? "refresh_token" : "client_credentials";
    URI endpoint;
    try {
      endpoint = URI.create(o.tokenEndpoint());
    } catch (IllegalArgumentException e) {
      return Finding.skipped("The token endpoint is not a URL (see config.urls)").build();
    }
    String target = endpoint.getHost() + ":" + (endpoint.getPort() > 0 ? endpoint.getPort() : "http".equalsIgnoreCase(endpoint.getScheme()) ? 80 : 443);
    if (ctx.facts().get(dev.maildiag.api.internal.probe.IdentityReachable.UNANSWERED).filter(target::equals).isPresent()) {
      return Finding.skipped("The token endpoint's host " + target + " did not answer " + dev.maildiag.api.internal.probe.IdentityReachable.ID
          + " in time; it is not waited for a second time").build();
    }
    TokenRequest request = request(endpoint, o, refreshToken);
    HTTPResponse response;
    try {
      response = (HTTPResponse) request.toHTTPRequest().send(new OkHttpSender(HttpClients.forContext(context)));
    } catch (IOException e) {
      return unreachable(ctx, "token endpoint", endpoint, e);
    }
    if (response.getStatusCode() / 100 == 3) {
      return redirected(endpoint, response);
    }
    TokenResponse parsed;
    try {
      parsed = TokenResponse.parse(response);
    } catch (ParseException e) {
      return notATokenResponse(endpoint, response);
    }
    if (parsed.indicatesSuccess()) {
      return issued(ctx, grantName, endpoint, parsed.toSuccessResponse().getTokens());
    }
    TokenError error = TokenError.parse(response.getStatusCode(), response.getBody());
    Route route = ProxyDecision.forHttps(context.network(), endpoint.getHost());
    if (error.error() == null && !route.isDirect()) {
      return proxyAnswered(endpoint, route, response);
    }
    if (error.error() == null && response.getStatusCode() >= 500) {
      return failedOnItsSide(endpoint, response);
    }
    return refused(ctx, "The token endpoint refused the " + grantName + " grant", "token endpoint", endpoint, error).evidence("grant", grantName).build();
  }

  private static TokenRequest request(URI endpoint, OAuthClient o, Secret refreshToken) {
    ClientID clientId = new ClientID(o.clientId());
    AuthorizationGrant grant = refreshToken != null
        ? new RefreshTokenGrant(new RefreshToken(refreshToken.reveal()))
        : new ClientCredentialsGrant();
    TokenRequest.Builder b = o.clientSecret() != null
        ? new TokenRequest.Builder(endpoint,
            new ClientSecretPost(clientId, new com.nimbusds.oauth2.sdk.auth.Secret(o.clientSecret().reveal())), grant)
        : new TokenRequest.Builder(endpoint, clientId, grant);
    if (!o.scopes().isEmpty()) {
      b.scope(new Scope(o.scopes().toArray(new String[0])));
    }
    return b.build();
  }

  private static Finding issued(CheckContext ctx, String grant, URI endpoint, Tokens tokens) {
    AccessToken at = tokens.getAccessToken();
    ctx.facts().put(Facts.ACCESS_TOKEN, Secret.of(at.getValue()));
    if (tokens.getRefreshToken() != null) {
      ctx.facts().rememberSecret(Secret.of(tokens.getRefreshToken().getValue())); // a rotated one is as secret as the old
    }
    return Finding.ok("The token endpoint issued an access token (" + grant + " grant)")
        .evidence("grant", grant)
        .evidence("token endpoint", endpoint)
        .evidence("granted scope", at.getScope())
        .evidence("expires in (s)", at.getLifetime() > 0 ? at.getLifetime() : null)
        .evidence("new refresh token issued", tokens.getRefreshToken() != null)
        .build();
  }

  /**
   * An identity platform's refusal, interpreted by every provider: {@code what} says what was refused
   * (a grant, a sign-in, a device code request), {@code endpointName} names the endpoint in the evidence.
   */
  public static Finding.Builder refused(CheckContext ctx, String what, String endpointName, URI endpoint, TokenError error) {
    ctx.facts().put(TokenError.FACT, error);
    List<Candidate> candidates = ctx.interpret(ctx.observe(error.text(), Stage.OAUTH));
    Finding.Builder f = Finding.error(what + ": "
            + (error.error() == null ? "HTTP " + error.httpStatus() : error.error())
            + (error.codes().isEmpty() ? "" : " " + String.join(", ", error.aadstsCodes())))
        .candidates(candidates)
        .detail(candidates.isEmpty()
            ? "No interpreter recognises this answer; its code and text are below, search for them in the provider's documentation."
            : candidates.get(0).reason())
        .evidence(endpointName, endpoint)
        .evidence("HTTP status", error.httpStatus())
        .evidence("error", error.error())
        .evidence("error_description", error.description())
        .evidence("error codes", error.codes().isEmpty() ? null : String.join(", ", error.aadstsCodes()));
    error.ids().forEach(f::evidence);
    return f;
  }

  /** An HTTP answer without an OAuth error, on a proxied route: the proxy's, not the identity platform's. */
  private static Finding proxyAnswered(URI endpoint, Route route, HTTPResponse response) {
    return Finding.error("The proxy answered the token request with HTTP " + response.getStatusCode() + " instead of passing it on")
        .rootCause(RootCause.PROXY_BLOCKING, 0.85)
        .detail("The answer has no OAuth error, so it did not come from the identity platform.")
        .step("Allow " + endpoint.getHost() + " on the proxy, or exempt it: -Dhttp.nonProxyHosts=...|" + endpoint.getHost())
        .evidence("token endpoint", endpoint)
        .evidence("route", route.describe())
        .evidence("HTTP status", response.getStatusCode() + " " + (response.getStatusMessage() == null ? "" : response.getStatusMessage()))
        .build();
  }

  /**
   * A token endpoint that redirects: never followed, since the request carries the client secret and the
   * refresh token. Only the target's origin is shown, redacted like any text from a peer.
   */
  private static Finding redirected(URI endpoint, HTTPResponse response) {
    String location = response.getHeaderValue("Location");
    String where = "nowhere (no Location header)";
    if (location != null) {
      // only whether it stays: a Location is the peer's text, and a host name can be made of a secret
      try {
        URI target = endpoint.resolve(location.strip());
        boolean same = java.util.Objects.equals(target.getScheme(), endpoint.getScheme())
            && java.util.Objects.equals(target.getHost(), endpoint.getHost()) && target.getPort() == endpoint.getPort();
        where = same ? "another path on the same host" : "another host (" + target.getScheme() + ")";
      } catch (IllegalArgumentException e) {
        where = "something that is not a URL";
      }
    }
    return Finding.error("The token endpoint answered HTTP " + response.getStatusCode() + " (a redirect to " + where
            + "); maildiag does not re-send the client secret and refresh token")
        .detail("A token endpoint answers the token request itself. A redirect means the configured URL is not the "
            + "provider's token endpoint (an old or mistyped URL, a portal or a proxy's login page).")
        .step("Configure the provider's token endpoint itself, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.")
        .evidence("token endpoint", endpoint)
        .evidence("HTTP status", response.getStatusCode())
        .evidence("redirected to", where)
        .build();
  }

  /** An HTTP 5xx without an OAuth error: the identity provider (or what serves its URL) failed on its own side. */
  private static Finding failedOnItsSide(URI endpoint, HTTPResponse response) {
    String type = response.getHeaderValue("Content-Type");
    return Finding.error("The token endpoint failed on its side: HTTP " + response.getStatusCode()
            + (response.getStatusMessage() == null ? "" : " " + response.getStatusMessage()))
        .rootCause(RootCause.SERVER_FAILURE, 0.8)
        .alternative(RootCause.INVALID_CONFIGURATION, 0.3, "the URL may not be the identity provider's token endpoint")
        .detail("The identity provider answered with a server error and no OAuth error: the problem is on its side (an outage, "
            + "a failing back end), not in the mail settings or the grant. Nothing was said about the refresh token or client.")
        .step("Try again later; check the identity provider's status page, or give its administrator the time and the status.")
        .step("Check that the token endpoint URL is the provider's.")
        .evidence("token endpoint", endpoint)
        .evidence("HTTP status", response.getStatusCode())
        .evidence("content type", type)
        .build();
  }

  /** A body that is no OAuth answer at all (cut off, not JSON, a portal page) says more about the path than the grant. */
  public static Finding notATokenResponse(URI endpoint, HTTPResponse response) {
    if (response.getStatusCode() >= 500) {
      return failedOnItsSide(endpoint, response);
    }
    String type = response.getHeaderValue("Content-Type");
    return Finding.error("The token endpoint answered HTTP " + response.getStatusCode() + " with something that is not an OAuth token response")
        .detail("A token endpoint answers with a small JSON object. This answer"
            + (type == null ? "" : " (" + type + ")") + " is not one: it may be cut off, come from a proxy or firewall"
            + " page, or the configured URL may not be the provider's token endpoint.")
        .step("Check that the token endpoint URL is the provider's, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.")
        .step("Fetch the URL from this machine (curl -v) and see who answers; a proxy may intercept it.")
        .evidence("token endpoint", endpoint)
        .evidence("HTTP status", response.getStatusCode())
        .evidence("content type", type)
        .evidence("body length (chars, capped)", response.getBody() == null ? 0 : response.getBody().length())
        .build();
  }

  /** The causes a failed connection to an identity endpoint can have: the way there, or the endpoint itself. */
  private static final java.util.Set<String> PATH_CAUSES = java.util.Set.of(RootCause.NETWORK_BLOCKED, RootCause.PROXY_BLOCKING,
      RootCause.DNS_FAILURE, RootCause.TLS_CERTIFICATE, RootCause.TLS_MODE_MISMATCH, RootCause.THROTTLED,
      RootCause.SERVER_FAILURE, RootCause.INVALID_CONFIGURATION);

  private static boolean isConnectTimeout(IOException e) {
    return e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
  }

  public static Finding unreachable(CheckContext ctx, String what, URI endpoint, IOException e) {
    String text = ctx.redact(e.getClass().getSimpleName() + ": " + e.getMessage());
    Route route = ProxyDecision.forHttps(ctx.context().network(), endpoint.getHost());
    // an identity endpoint's failure says nothing about the mailbox (a read timeout here is no flooded folder)
    List<Candidate> interpreted = new java.util.ArrayList<>(ctx.interpret(ctx.observe(text, Stage.NETWORK)).stream()
        .filter(c -> PATH_CAUSES.contains(c.rootCause())).toList());
    if (e instanceof java.net.SocketTimeoutException && !isConnectTimeout(e) && route.isDirect()) {
      interpreted.clear();
      interpreted.add(new Candidate(RootCause.NETWORK_BLOCKED, 0.55,
          "The " + what + " took the connection and sent nothing back within the read timeout: a firewall or TLS inspection "
              + "device that stalls the connection, or an identity provider that hangs"));
      interpreted.add(new Candidate(RootCause.SERVER_FAILURE, 0.45, "an identity provider that accepts connections and does not answer"));
    }
    List<Candidate> candidates = new java.util.ArrayList<>();
    if (!route.isDirect()) {
      // whatever the text says, it is the proxy's answer or the proxy that failed to answer
      candidates.add(new Candidate(RootCause.PROXY_BLOCKING, 0.85, "The request to the " + what + " goes " + route.describe() + ", which failed: " + text));
      interpreted.stream().filter(c -> !c.rootCause().equals(RootCause.PROXY_BLOCKING))
          .map(c -> new Candidate(c.rootCause(), c.confidence() * 0.4, c.reason())).forEach(candidates::add);
    } else if (!interpreted.isEmpty()) {
      candidates.addAll(interpreted);
    } else {
      candidates.add(new Candidate(e instanceof UnknownHostException ? RootCause.DNS_FAILURE : RootCause.NETWORK_BLOCKED, 0.7,
          "The " + what + " could not be reached: " + text));
    }
    return Finding.error("Could not reach the " + what + " " + endpoint.getHost() + (route.isDirect() ? "" : " through the proxy"))
        .candidates(candidates)
        .detail("No OAuth answer came back, so this is a network problem, not an OAuth one.")
        .evidence(what, endpoint)
        .evidence("route", route.describe())
        .evidence("exception", text)
        .build();
  }
}
