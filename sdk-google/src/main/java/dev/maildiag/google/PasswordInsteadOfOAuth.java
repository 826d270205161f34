package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext.Tokens;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;

/**
 * A password is configured without any OAuth token. Google refuses account passwords from mail clients
 * ("less secure apps" are gone); only an app password of an account with 2-Step Verification still works.
 */
public final class PasswordInsteadOfOAuth implements Check {
  public static final String ID = "google.password";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "OAuth is used rather than a password").finds(RootCause.BASIC_AUTH_REJECTED);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.tokens().password() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    Tokens t = ctx.context().tokens();
    if (t.accessToken() != null || t.refreshToken() != null) {
      return Finding.ok("OAuth tokens are configured; the password is not needed").build();
    }
    return Finding.warning("A password is configured instead of OAuth 2.0; Gmail refuses account passwords from mail clients")
        .rootCause(RootCause.BASIC_AUTH_REJECTED, 0.8)
        .detail("Only an app password (16 letters, for an account with 2-Step Verification) is still accepted; the account password is not.")
        .remediation(GoogleRemediations.of(RootCause.BASIC_AUTH_REJECTED))
        .evidence("passwordLength", t.password().length())
        .build();
  }
}
