package dev.maildiag.api.internal.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.internal.oauth.JwtClaims;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.TokenClaims;
import java.text.ParseException;
import java.util.Optional;

/**
 * Who signed in, as the identity platform says: the ID token's {@code preferred_username}, {@code email} or
 * {@code upn}, else the access token's user claim. The ID token came straight from the token endpoint over
 * TLS, so its claims are read without verifying its signature (OpenID Connect Core 3.1.3.7 allows that for
 * the code flow); only the account name is kept.
 *
 * @param name the account, or null when neither token says
 * @param source which claim said it
 */
record SignedInAccount(String name, String source) {
  private static final String[] ID_TOKEN_CLAIMS = {"preferred_username", "email", "upn", "unique_name"};

  static SignedInAccount of(Secret idToken, Secret accessToken) {
    if (idToken != null) {
      try {
        JWTClaimsSet claims = JWTParser.parse(idToken.reveal()).getJWTClaimsSet();
        for (String claim : ID_TOKEN_CLAIMS) {
          String value = claims.getStringClaim(claim);
          if (value != null && !value.isBlank()) {
            return new SignedInAccount(value.strip(), "ID token " + claim);
          }
        }
      } catch (ParseException notAJwt) {
        // fall back to the access token
      }
    }
    Optional<TokenClaims> claims = JwtClaims.read(accessToken);
    if (claims.isPresent() && claims.get().user() != null) {
      return new SignedInAccount(claims.get().user(), "access token (" + claims.get().source() + ")");
    }
    return new SignedInAccount(null, null);
  }

  /** Compares the account with the login: a cached browser session of another account is seen here, live. */
  Finding judge(DiagnosticContext context) {
    String login = context.server().login();
    String mailbox = context.server().mailbox();
    if (name == null) {
      return Finding.info("The identity platform did not say which account signed in")
          .detail("Neither an ID token nor a readable access token names the account; the token checks below compare the token's user"
              + " with the login where the provider can tell (e.g. Google's token info).")
          .build();
    }
    if (login == null || name.equalsIgnoreCase(login)) {
      return Finding.ok("Signed in as " + name + (login == null ? "" : ", the login"))
          .evidence("signed in as", name)
          .evidence("from", source)
          .build();
    }
    boolean isMailbox = mailbox != null && name.equalsIgnoreCase(mailbox);
    return Finding.error("Signed in as " + name + ", not as the login " + login)
        .rootCause(RootCause.WRONG_USER_AUTHORIZED, 0.96)
        .detail("The browser used a session of another account" + (isMailbox ? " (the mailbox's own, while the handler logs in as "
            + login + ")" : "") + ". A token for " + name + " makes the mail server refuse " + login + "'s login or mailbox."
            + " maildiag sent login_hint=" + login + " and prompt=select_account so that the right account is preselected and a"
            + " cached session is not reused silently; choose " + login + " in the account picker, or sign in in a private window.")
        .step("Sign in again as " + login + ": pick it in the account list, or use a private (incognito) browser window.")
        .step("Authorize the mail handler in the host product the same way, so that its stored token is " + login + "'s.")
        .evidence("signed in as", name)
        .evidence("login", login)
        .evidence("mailbox", mailbox)
        .evidence("from", source)
        .build();
  }
}
