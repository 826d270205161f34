package dev.maildiag.api.internal.oauth;

import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import java.util.List;
import java.util.Locale;

/**
 * The standard OAuth 2.0 token error codes (RFC 6749 section 5.2), for any provider. Weak on purpose:
 * a provider's own codes (e.g. Microsoft's AADSTS numbers) say more and outrank these.
 */
public final class OAuthErrorCodes implements Interpreter {
  @Override
  public List<Candidate> interpret(Observation o) {
    if (o.stage() != Stage.OAUTH) {
      return List.of();
    }
    String t = o.text().toLowerCase(Locale.ROOT);
    if (t.startsWith("invalid_grant")) {
      return List.of(new Candidate(RootCause.REFRESH_TOKEN_INVALID, 0.6, "invalid_grant: the refresh token or grant is no longer valid (RFC 6749 5.2)"));
    }
    if (t.startsWith("invalid_client")) {
      return List.of(new Candidate(RootCause.CLIENT_SECRET_INVALID, 0.5, "invalid_client: the client failed to authenticate (RFC 6749 5.2)"));
    }
    if (t.startsWith("invalid_scope")) {
      return List.of(new Candidate(RootCause.SCOPES, 0.6, "invalid_scope: the requested scope is invalid or unknown (RFC 6749 5.2)"));
    }
    if (t.startsWith("unauthorized_client")) {
      return List.of(new Candidate(RootCause.APP_NOT_FOUND, 0.3, "unauthorized_client: the client may not use this grant (RFC 6749 5.2)"));
    }
    return List.of();
  }
}
