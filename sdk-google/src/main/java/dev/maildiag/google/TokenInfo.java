package dev.maildiag.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.IdentityCalls;
import dev.maildiag.api.spi.TokenClaims;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what Google's opaque access token grants from the token-info endpoint: scope, audience, email and
 * expiry. Publishes them as {@link Facts#TOKEN_CLAIMS} for the interpreters of the mail servers' answers.
 */
public final class TokenInfo implements Check {
  public static final String ID = "google.token-info";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Access token's scope, user and expiry (Google token-info)")
        .finds(RootCause.SCOPES, RootCause.WRONG_USER_AUTHORIZED, RootCause.ACCESS_TOKEN_EXPIRED)
        .after("oauth.token");
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.tokens().accessToken() != null || context.tokens().refreshToken() != null;
  }

  @Override
  public Finding run(CheckContext ctx) throws IOException {
    Secret token = ctx.facts().get(Facts.ACCESS_TOKEN).orElse(ctx.context().tokens().accessToken());
    if (token == null) {
      return Finding.skipped("No access token to inspect: the token request gave none").build();
    }
    String endpoint = ctx.context().attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT).orElse(GoogleCatalog.TOKEN_INFO_ENDPOINT);
    int status;
    String body;
    try {
      // POST keeps the token out of URLs, which proxies and servers log
      IdentityCalls.Answer answer = ctx.identity().postForm(endpoint, Map.of("access_token", token.reveal()));
      status = answer.status();
      body = answer.body();
    } catch (IOException e) {
      return unreachable(endpoint, e.toString());
    }
    JsonNode json = parse(body);
    if (status == 200 && json != null) {
      return judge(ctx, claims(json), json);
    }
    if (status == 400 && json != null && (json.path("error").asText().equals("invalid_token") || json.has("error_description"))) {
      return Finding.error("Google does not accept the access token: it has expired or was revoked")
          .rootCause(RootCause.ACCESS_TOKEN_EXPIRED, 0.85)
          .alternative(RootCause.REFRESH_TOKEN_INVALID, 0.2, "a token that is revoked with its refresh token is refused the same way")
          .detail("The token-info endpoint answered \"" + json.path("error_description").asText(json.path("error").asText()) + "\"; "
              + "Google access tokens last about an hour, and a revoked or mistyped token is refused the same way.")
          .remediation(GoogleRemediations.of(RootCause.ACCESS_TOKEN_EXPIRED))
          .evidence("endpoint", endpoint)
          .evidence("status", status)
          .evidence("error", json.path("error").asText(null))
          .evidence("error_description", json.path("error_description").asText(null))
          .build();
    }
    return Finding.warning("The token-info endpoint answered HTTP " + status + "; the token's scope and user could not be read")
        .evidence("endpoint", endpoint)
        .evidence("status", status)
        .build();
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return unreachable(ctx.context().attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT).orElse(GoogleCatalog.TOKEN_INFO_ENDPOINT),
        "no answer within " + limit.toMillis() + " ms");
  }

  private static Finding unreachable(String endpoint, String why) {
    return Finding.warning("The token-info endpoint could not be reached, so the token's scope, user and expiry are unknown")
        .detail("Google's access tokens are opaque; only the token-info endpoint can say what they grant. " + why)
        .evidence("endpoint", endpoint)
        .build();
  }

  private static Finding judge(CheckContext ctx, TokenClaims claims, JsonNode json) {
    ctx.facts().put(Facts.TOKEN_CLAIMS, claims);
    String login = ctx.context().server().login();
    Protocol protocol = ctx.context().server().protocol();
    List<Candidate> problems = new ArrayList<>();
    List<String> details = new ArrayList<>();
    if (claims.expiresAt() != null && !claims.expiresAt().isAfter(Instant.now())) {
      problems.add(new Candidate(RootCause.ACCESS_TOKEN_EXPIRED, 0.9, "the token expired at " + claims.expiresAt()));
      details.add("The token expired at " + claims.expiresAt() + ".");
    }
    if (!grantsMail(claims.scopes(), protocol)) {
      problems.add(new Candidate(RootCause.SCOPES, 0.95, "the token's scope is " + String.join(" ", claims.scopes())));
      details.add("The token was issued for " + (claims.scopes().isEmpty() ? "no scope" : String.join(" ", claims.scopes()))
          + ", without " + GoogleCatalog.MAIL_SCOPE + ", the only scope Gmail accepts for IMAP, POP and SMTP.");
    }
    if (claims.user() != null && login != null && !claims.user().equalsIgnoreCase(login)) {
      problems.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.95, "the token belongs to " + claims.user() + ", not " + login));
      details.add("The token belongs to " + claims.user() + " but the login is " + login
          + ": another account was signed in to the browser when the mailbox was authorized.");
    }
    Finding.Builder f;
    if (problems.isEmpty()) {
      f = Finding.ok("The access token grants " + GoogleCatalog.MAIL_SCOPE + (claims.user() == null ? "" : " for " + claims.user())
              + (claims.expiresAt() == null ? "" : ", valid until " + claims.expiresAt()))
          .detail(claims.user() == null ? "The token has no email (the email scope was not requested), so its user could not be compared to the login." : "");
    } else {
      f = Finding.error(problems.get(0).reason().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + problems.get(0).reason().substring(1))
          .candidates(problems)
          .detail(String.join(" ", details))
          .remediation(GoogleRemediations.of(problems.get(0).rootCause()));
    }
    return f.evidence("scope", String.join(" ", claims.scopes()))
        .evidence("email", claims.user())
        .evidence("audience", claims.audience())
        .evidence("expiresAt", claims.expiresAt())
        .evidence("source", "token-info")
        .evidence("access_type", json.path("access_type").asText(null))
        .build();
  }

  private static boolean grantsMail(List<String> scopes, Protocol protocol) {
    return scopes.contains(GoogleCatalog.MAIL_SCOPE) || (protocol == Protocol.IMAP && scopes.contains(GoogleCatalog.IMAP_ADMIN_SCOPE));
  }

  static TokenClaims claims(JsonNode json) {
    List<String> scopes = json.hasNonNull("scope") ? Arrays.asList(json.get("scope").asText().trim().split("\\s+")) : List.of();
    Instant expiresAt = null;
    if (json.hasNonNull("exp")) {
      expiresAt = Instant.ofEpochSecond(json.get("exp").asLong());
    } else if (json.hasNonNull("expires_in")) {
      expiresAt = Instant.now().plusSeconds(json.get("expires_in").asLong());
    }
    Map<String, String> other = new LinkedHashMap<>();
    for (String name : List.of("sub", "email_verified", "access_type", "expires_in")) {
      if (json.hasNonNull(name)) {
        other.put(name, json.get(name).asText());
      }
    }
    return new TokenClaims(json.path("aud").asText(null), scopes, List.of(), json.path("email").asText(null), null,
        json.path("azp").asText(json.path("aud").asText(null)), GoogleCatalog.ISSUER, expiresAt, "token-info", other);
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JsonTrees.read(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
