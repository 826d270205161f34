package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;

/** A correctly configured Gmail IMAP handler, for tests to change one thing at a time. */
final class GoogleContexts {
  private GoogleContexts() {}

  static DiagnosticContext.Builder gmail() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("imap.gmail.com").port(993).security(Security.SSL)
        .login("helpdesk@example.com")
        .provider("google")
        .tokenEndpoint(GoogleCatalog.TOKEN_ENDPOINT)
        .clientId("client-1.apps.googleusercontent.com").clientSecret(Secret.of("client-secret"))
        .scope(GoogleCatalog.MAIL_SCOPE)
        .refreshToken(Secret.of("refresh-token"))
        .network(NetworkSettings.direct());
  }
}
