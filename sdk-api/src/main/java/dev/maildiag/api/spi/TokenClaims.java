package dev.maildiag.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an access token says about itself: read from a JWT without verifying its signature, or from a
 * provider's token-info endpoint for opaque tokens. Holds no part of the token itself.
 *
 * @param audience {@code aud}
 * @param scopes delegated permissions ({@code scp} or the token-info {@code scope}), in order
 * @param roles app-only permissions ({@code roles})
 * @param user the signed-in user ({@code upn}, {@code unique_name}, {@code preferred_username} or {@code email}), or null
 * @param tenant {@code tid}, or null
 * @param clientId {@code appid}/{@code azp}, or null
 * @param issuer {@code iss}, or null
 * @param expiresAt {@code exp}, or null
 * @param source where the claims were read: {@code jwt (signature not verified)} or {@code token-info}
 * @param other further claims by name, as text
 */
public record TokenClaims(String audience, List<String> scopes, List<String> roles, String user, String tenant, String clientId,
    String issuer, Instant expiresAt, String source, Map<String, String> other) {
  /**
   * Token claims; null lists and maps are empty.
   *
   * @param audience see the record
   * @param scopes see the record
   * @param roles see the record
   * @param user see the record
   * @param tenant see the record
   * @param clientId see the record
   * @param issuer see the record
   * @param expiresAt see the record
   * @param source see the record
   * @param other see the record
   */
  public TokenClaims {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    roles = roles == null ? List.of() : List.copyOf(roles);
    other = other == null ? Map.of() : Map.copyOf(other);
  }

  /**
   * True for an app-only (client credentials) token.
   *
   * @return whether the token has roles and no scopes
   */
  public boolean isAppOnly() {
    return scopes.isEmpty() && !roles.isEmpty();
  }
}
