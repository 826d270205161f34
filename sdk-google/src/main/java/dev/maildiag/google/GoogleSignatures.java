package dev.maildiag.google;

import static dev.maildiag.api.RootCause.*;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static dev.maildiag.api.spi.Signature.anyOf;

/**
 * What Gmail (IMAP, POP3, SMTP) and Google's OAuth server say, and the root causes each text points to.
 * Gmail answers a rejected XOAUTH2 token with a base64 JSON challenge ({@code status}, {@code schemes},
 * {@code scope}); it is decoded here so its rows can read the status.
 */
public final class GoogleSignatures extends SignatureTable {
  static final String XOAUTH2 = "https://developers.google.com/gmail/imap/xoauth2-protocol";
  static final String IMAP_ERRORS = "https://support.google.com/mail/answer/7126229";
  static final String SMTP_ERRORS = "https://support.google.com/a/answer/3726730";
  static final String IMAP_LIMITS = "https://support.google.com/a/answer/1071518";
  static final String POP_IMAP_ADMIN = "https://support.google.com/a/answer/105694";
  static final String OAUTH_ERRORS = "https://developers.google.com/identity/protocols/oauth2/web-server#authorization-errors";
  static final String OAUTH_EXPIRATION = "https://developers.google.com/identity/protocols/oauth2#expiration";
  static final String UNVERIFIED = "https://support.google.com/cloud/answer/7454865";
  static final String APP_PASSWORDS = "https://support.google.com/accounts/answer/185833";
  static final String WEB_LOGIN = "https://support.google.com/mail/accounts/answer/78754";

  /** The start of base64 {@code {"status":"}, which opens every Gmail XOAUTH2 error challenge. */
  private static final String CHALLENGE_PREFIX = "eyJzdGF0dXMi";
  private static final Pattern BASE64_JSON = Pattern.compile(CHALLENGE_PREFIX + "[A-Za-z0-9+/_-]{8,2000}={0,2}");

  static final List<Signature> ROWS = List.of(
      // --- the XOAUTH2 error challenge (decoded from base64 by interpret, or pasted as JSON)
      anyOf("\"schemes\"").regex("\"status\"\\s*:\\s*\"?400")
          .says("Gmail's XOAUTH2 challenge says 400: the token lacks the https://mail.google.com/ scope or is for another user")
          .cause(SCOPES, 0.72).cause(WRONG_USER_AUTHORIZED, 0.35).cause(ACCESS_TOKEN_EXPIRED, 0.3).source(XOAUTH2),
      anyOf("\"schemes\"").regex("\"status\"\\s*:\\s*\"?401")
          .says("Gmail's XOAUTH2 challenge says 401: the access token is expired or not valid")
          .cause(ACCESS_TOKEN_EXPIRED, 0.72).cause(SCOPES, 0.4).cause(REFRESH_TOKEN_INVALID, 0.3).source(XOAUTH2),
      anyOf("xoauth2").regex("xoauth2[^\\n]{0,60}\\b400\\b")
          .says("XOAUTH2 failed with 400: usually the token's scope or user")
          .cause(SCOPES, 0.6).cause(WRONG_USER_AUTHORIZED, 0.35).cause(ACCESS_TOKEN_EXPIRED, 0.3).source(XOAUTH2),
      anyOf("xoauth2").regex("xoauth2[^\\n]{0,60}\\b401\\b")
          .says("XOAUTH2 failed with 401: the access token is expired or not valid")
          .cause(ACCESS_TOKEN_EXPIRED, 0.65).cause(SCOPES, 0.4).source(XOAUTH2),
      anyOf("failed: 334", "failed with 334", "334 eyj", "response: 334", "code 334", "code: 334", "error: 334").regex("auth[^\\n]{0,40}\\b334\\b(?!\\s*(?:vxnlcm5hbwu6|ugfzc3dvcmq6))")
          .says("The SMTP server answered AUTH XOAUTH2 with an error challenge (334): the token was rejected")
          .cause(SCOPES, 0.5).cause(ACCESS_TOKEN_EXPIRED, 0.45).cause(WRONG_USER_AUTHORIZED, 0.3).source(XOAUTH2),

      // --- IMAP / POP3 / SMTP answers
      anyOf("invalid credentials", "[authenticationfailed]")
          .says("Gmail rejected the credentials: an expired token, a token without the mail scope, or another user's")
          .cause(ACCESS_TOKEN_EXPIRED, 0.5).cause(SCOPES, 0.45).cause(WRONG_USER_AUTHORIZED, 0.35).cause(REFRESH_TOKEN_INVALID, 0.3)
          .cause(BASIC_AUTH_REJECTED, 0.25).source(IMAP_ERRORS),
      anyOf("username and password not accepted", "5.7.8", "badcredentials")
          .says("SMTP 5.7.8: Gmail did not accept the credentials (token scope or expiry, or a password)")
          .cause(SCOPES, 0.45).cause(ACCESS_TOKEN_EXPIRED, 0.42).cause(BASIC_AUTH_REJECTED, 0.4).cause(WRONG_USER_AUTHORIZED, 0.3)
          .source(SMTP_ERRORS),
      anyOf("application-specific password required", "5.7.9", "invalidsecondfactor", "185833")
          .says("Gmail wants an app password: a password was sent instead of an OAuth token")
          .cause(BASIC_AUTH_REJECTED, 0.93).source(APP_PASSWORDS),
      anyOf("log in via your web browser", "log in with your web browser", "web login required", "5.7.14", "answer/78754", "answer=78754")
          .says("Gmail blocked a password sign-in and wants a browser sign-in: use OAuth")
          .cause(BASIC_AUTH_REJECTED, 0.85).cause(CONDITIONAL_ACCESS, 0.3).source(WEB_LOGIN),
      anyOf("not enabled for imap", "imap access is disabled", "imap is disabled", "not enabled for pop", "pop access is disabled",
              "pop is disabled", "imap access disabled", "enable your account for imap")
          .says("IMAP or POP is disabled for the Gmail account or the Workspace domain").cause(PROTOCOL_DISABLED, 0.95).source(POP_IMAP_ADMIN),
      anyOf("[overquota]", "bandwidth limits", "too many login attempts", "too many simultaneous connections", "[throttled]",
              "sending quota exceeded", "5.4.5", "4.7.28", "4.7.0 try again later", "rate limit exceeded", "userratelimitexceeded")
          .says("Gmail limits the account's connections, logins or bandwidth").cause(THROTTLED, 0.92).cause(INBOX_FLOODED, 0.2).source(IMAP_LIMITS),
      anyOf("5.7.0 authentication required", "530-5.7.0 authentication required")
          .says("SMTP 530 5.7.0: the message was sent without authenticating").cause(INVALID_CONFIGURATION, 0.55)
          .cause(XOAUTH2_NOT_OFFERED, 0.3).source(SMTP_ERRORS),

      // --- Google OAuth server
      anyOf("token has been expired or revoked")
          .says("The refresh token expired or was revoked (an app in Testing issues 7-day refresh tokens)")
          .cause(REFRESH_TOKEN_INVALID, 0.93).cause(APP_UNVERIFIED, 0.35).source(OAUTH_EXPIRATION),
      anyOf("invalid_grant")
          .says("invalid_grant: the refresh token expired, was revoked, or came from an app in Testing (7 days)")
          .cause(REFRESH_TOKEN_INVALID, 0.88).cause(APP_UNVERIFIED, 0.3).source(OAUTH_EXPIRATION),
      anyOf("admin_policy_enforced", "restricted by policies within your organization", "this application is currently blocked",
              "blocked by your administrator", "your administrator has blocked")
          .says("The Workspace administrator's API-access policy blocks the app").cause(ADMIN_POLICY_BLOCKED, 0.95).source(OAUTH_ERRORS),
      anyOf("org_internal", "restricted to users within its organization")
          .says("The app is Internal to another Workspace organisation: a different account signed in")
          .cause(WRONG_USER_AUTHORIZED, 0.6).cause(ADMIN_POLICY_BLOCKED, 0.45).source(OAUTH_ERRORS),
      anyOf("policy_enforced").regex("(?<!admin_)policy_enforced")
          .says("A Google account security policy (e.g. Advanced Protection) blocks the app").cause(ADMIN_POLICY_BLOCKED, 0.7)
          .cause(APP_UNVERIFIED, 0.35).source(OAUTH_ERRORS),
      anyOf("restricted_client").says("The app may not request these (sensitive) scopes until it is verified")
          .cause(APP_UNVERIFIED, 0.75).cause(SCOPES, 0.4).source(UNVERIFIED),
      anyOf("disallowed_useragent").says("Google refuses sign-in from an embedded browser").cause(INVALID_CONFIGURATION, 0.55)
          .source(OAUTH_ERRORS),
      anyOf("deleted_client", "oauth client was deleted")
          .says("The OAuth client was deleted").cause(APP_NOT_FOUND, 0.94).source(OAUTH_ERRORS),
      anyOf("disabled_client", "oauth client was disabled")
          .says("The OAuth client is disabled").cause(APP_NOT_FOUND, 0.75).cause(ADMIN_POLICY_BLOCKED, 0.4).source(OAUTH_ERRORS),
      anyOf("oauth client was not found").says("The OAuth client id does not exist").cause(APP_NOT_FOUND, 0.92).source(OAUTH_ERRORS),
      anyOf("has not completed the google verification", "currently being tested", "developer-approved testers", "isn't verified",
              "unverified app", "not been verified", "hasn't verified this app", "app is not verified")
          .says("The app is unverified or in Testing and this user is not a test user").cause(APP_UNVERIFIED, 0.93).source(UNVERIFIED),
      anyOf("sign in with google temporarily disabled")
          .says("Google disabled sign-in for the app until it is verified (or an administrator allows it)")
          .cause(APP_UNVERIFIED, 0.7).cause(ADMIN_POLICY_BLOCKED, 0.45).source(UNVERIFIED),
      anyOf("this app's request is invalid", "this app’s request is invalid")
          .says("Google refused the authorization request (most often the redirect URI)").cause(REDIRECT_URI_MISMATCH, 0.6)
          .cause(INVALID_CONFIGURATION, 0.4).source(OAUTH_ERRORS),
      anyOf("missing required parameter").says("The authorization request misses a parameter").cause(INVALID_CONFIGURATION, 0.7)
          .cause(SCOPES, 0.3).source(OAUTH_ERRORS));

  public GoogleSignatures() {
    super("google", ROWS, Set.of(CHALLENGE_PREFIX));
  }

  @Override
  public List<Candidate> interpret(Observation observation) {
    if (!speaksFor(observation)) {
      return List.of();
    }
    return match(observation.text() + decodedChallenges(observation.text()));
  }

  /** The JSON of each base64 error challenge in the text; never the client's own (secret) XOAUTH2 response. */
  static String decodedChallenges(String text) {
    if (!text.contains(CHALLENGE_PREFIX)) {
      return "";
    }
    StringBuilder decoded = new StringBuilder();
    Matcher m = BASE64_JSON.matcher(text);
    while (m.find()) {
      String b64 = m.group().replace('-', '+').replace('_', '/');
      try {
        String json = new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
        if (json.startsWith("{\"status\"")) {
          decoded.append('\n').append(json);
        }
      } catch (IllegalArgumentException notBase64) {
        // a look-alike that is not base64: nothing to read
      }
    }
    return decoded.toString();
  }
}
