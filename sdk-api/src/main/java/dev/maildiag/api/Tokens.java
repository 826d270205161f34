package dev.maildiag.api;

/**
 * Credentials the caller already holds. All are secrets.
 *
 * @param accessToken an access token to authenticate with, or null
 * @param refreshToken a refresh token to obtain a fresh access token, or null
 * @param password a password, only to show that a server refuses basic authentication, or null
 */
public record Tokens(Secret accessToken, Secret refreshToken, Secret password) {
  public static final Tokens NONE = new Tokens(null, null, null);
}
