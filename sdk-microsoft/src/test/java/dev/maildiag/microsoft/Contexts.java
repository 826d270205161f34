package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import java.util.List;

/** Contexts of a worldwide IMAP handler, for the checks' tests. */
final class Contexts {
  static final String TENANT = "5f1c8a3e-2b7d-4c9a-9e61-0d4b7a2c8f13";

  private Contexts() {}

  static DiagnosticContext.Builder imap() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL)
        .login("helpdesk@contoso.com")
        .provider("microsoft").tenant(TENANT).clientId("client-1").clientSecret(Secret.of("secret"))
        .tokenEndpoint("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token")
        .scopes(List.of("https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access"))
        .refreshToken(Secret.of("rt"))
        .network(NetworkSettings.direct());
  }

  static CheckContext ctx(DiagnosticContext c) {
    return new CheckContext(c, new Facts(), Explainer.of(new MicrosoftDiagnostics().interpreters()));
  }
}
