package dev.maildiag.api;

import java.time.Instant;
import java.util.List;

/**
 * The OAuth 2.0 client the handler uses.
 *
 * @param provider {@code microsoft}, {@code google}, or null to infer from the hosts
 * @param cloud the provider's cloud ({@code worldwide}, {@code gcc}, {@code gcc-high}, {@code dod}, {@code china}), or null
 * @param authorizationEndpoint as configured; kept as text so that a malformed value can be reported
 * @param tokenEndpoint as configured
 * @param tenant tenant id or domain, or null
 * @param clientId the app's client id
 * @param clientSecret the client secret, or null
 * @param clientSecretExpiresAt when the caller knows it, the secret's expiry
 * @param scopes the configured scopes, in order
 * @param redirectUri the redirect URI the product registers
 */
public record OAuthClient(
    String provider,
    String cloud,
    String authorizationEndpoint,
    String tokenEndpoint,
    String tenant,
    String clientId,
    Secret clientSecret,
    Instant clientSecretExpiresAt,
    List<String> scopes,
    String redirectUri) {

  public OAuthClient {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** True when anything about OAuth was configured. */
  public boolean isConfigured() {
    return clientId != null || tokenEndpoint != null || authorizationEndpoint != null || !scopes.isEmpty();
  }
}
