package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;

/** Runs one check against a context, as the tests beside each check do. */
final class CheckRun {
  private CheckRun() {}

  static Finding run(Check check, DiagnosticContext context) throws Exception {
    return check.run(CheckContext.standalone(context));
  }

  /** A complete, healthy IMAP configuration to change one thing in. */
  static DiagnosticContext.Builder imap() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL)
        .login("helpdesk@contoso.com")
        .clientId("client").clientSecret(Secret.of("secret")).refreshToken(Secret.of("refresh"))
        .tokenEndpoint("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
        .network(NetworkSettings.direct());
  }
}
