package dev.maildiag.google;

import dev.maildiag.api.Stage;

/**
 * Google's OAuth 2.0 authorization and token errors (by their {@code error} code and by their documented words, e.g.
 * {@code admin_policy_enforced}, {@code org_internal}, {@code invalid_grant} "Token has been expired or revoked") and
 * the Google API answers a token meets: the one place Google's token knowledge lives ({@code google-oauth.tsv}).
 */
public final class GoogleOAuthErrors extends GoogleTable {
  public GoogleOAuthErrors() {
    super("google-oauth.tsv", Stage.OAUTH);
  }
}
