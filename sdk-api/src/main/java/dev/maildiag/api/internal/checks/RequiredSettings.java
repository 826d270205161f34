package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.probe.BasicAuthRefused;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.SignIn;
import java.util.ArrayList;
import java.util.List;

/** The settings without which no connection can even be tried are present. */
public final class RequiredSettings implements Check {
  public static final String ID = "config.required";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Required settings are present").finds(RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    List<String> missing = new ArrayList<>();
    if (c.server().protocol() == null) {
      missing.add("the protocol");
    }
    if (c.server().host() == null) {
      missing.add("the mail host");
    }
    if (c.server().login() == null) {
      missing.add("the login user");
    }
    // an interactive sign-in (SignIn.ATTRIBUTE) brings the tokens itself
    boolean hasToken = c.tokens().accessToken() != null || c.tokens().refreshToken() != null
        || c.attribute(SignIn.ATTRIBUTE).isPresent();
    boolean hasClientCredentials = c.oauth().clientId() != null && c.oauth().clientSecret() != null;
    // a password alone is a handler still on basic authentication: something to diagnose, not a gap
    boolean passwordOnly = !hasToken && !hasClientCredentials && c.tokens().password() != null;
    if (!hasToken && !hasClientCredentials && !passwordOnly) {
      missing.add("an access token, a refresh token, or a client id with a client secret");
    }
    if (c.tokens().refreshToken() != null || hasClientCredentials) {
      if (c.oauth().tokenEndpoint() == null && c.oauth().provider() == null && c.oauth().tenant() == null) {
        missing.add("the token endpoint, or a provider and tenant to derive it from");
      }
      if (c.tokens().refreshToken() != null && c.oauth().clientId() == null) {
        missing.add("the client id, to use the refresh token");
      }
    }
    if (missing.isEmpty() && passwordOnly) {
      return Finding.info("Only a password is configured: the handler uses basic authentication, not OAuth 2.0")
          .detail("The OAuth checks have no token to test; " + BasicAuthRefused.ID + " tries the password once to show "
              + "whether the server still accepts it.")
          .build();
    }
    if (missing.isEmpty()) {
      return Finding.ok("All required settings are present").build();
    }
    return Finding.error("Missing: " + String.join("; ", missing))
        .rootCause(RootCause.INVALID_CONFIGURATION, 1.0)
        .detail("Without these settings the handler cannot connect, so the live checks that need them are skipped.")
        .step("Set the missing settings in the handler's configuration.")
        .evidence("missing", String.join(", ", missing))
        .build();
  }
}
