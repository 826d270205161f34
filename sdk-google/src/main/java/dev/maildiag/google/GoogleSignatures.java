package dev.maildiag.google;

import static dev.maildiag.api.RootCause.*;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.util.List;
import java.util.Set;
import static dev.maildiag.api.spi.Signature.anyOf;

/**
 * Gmail's XOAUTH2 error challenge: Gmail answers a rejected token with a base64 JSON challenge ({@code status},
 * {@code schemes}, {@code scope}), which the explainer's text normaliser decodes so that these rows read its status.
 * Gmail's other answers are {@link GmailCodes}; Google's OAuth errors are {@link GoogleOAuthErrors}.
 */
public final class GoogleSignatures extends SignatureTable {
  static final String XOAUTH2 = "https://developers.google.com/gmail/imap/xoauth2-protocol";

  /** The start of base64 {@code {"status":"}, which opens every Gmail XOAUTH2 error challenge (for the log prefilter). */
  private static final String CHALLENGE_PREFIX = "eyJzdGF0dXMi";

  static final List<Signature> ROWS = List.of(
      // --- the XOAUTH2 error challenge (decoded from base64 by the normaliser, or pasted as JSON)
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
          .cause(SCOPES, 0.5).cause(ACCESS_TOKEN_EXPIRED, 0.45).cause(WRONG_USER_AUTHORIZED, 0.3).source(XOAUTH2));

  public GoogleSignatures() {
    super("google", ROWS, Set.of(CHALLENGE_PREFIX));
  }
}
