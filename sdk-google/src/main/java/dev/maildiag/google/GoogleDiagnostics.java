package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Key;
import java.util.List;
import java.util.Locale;

/** Gmail and Google Workspace: the catalog's defaults, Google's checks and the interpreters of Google's answers. */
public final class GoogleDiagnostics implements DiagnosticsProvider {
  public static final String ID = "google";

  /** Where the token-info endpoint is, when not Google's own (e.g. a simulation); filled from the catalog otherwise. */
  public static final Key<String> TOKEN_INFO_ENDPOINT = Key.of("google.tokenInfoEndpoint", String.class);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return isGoogle(context);
  }

  /** The provider is google, or (with no provider named) the mail host or OAuth endpoints are Google's. */
  public static boolean isGoogle(DiagnosticContext context) {
    OAuthClient o = context.oauth();
    if (o.provider() != null) {
      return o.provider().toLowerCase(Locale.ROOT).equals(ID);
    }
    return GoogleCatalog.isMailHost(context.server().host())
        || GoogleCatalog.isIdentityUrl(o.tokenEndpoint())
        || GoogleCatalog.isIdentityUrl(o.authorizationEndpoint());
  }

  @Override
  public DiagnosticContext withDefaults(DiagnosticContext context) {
    DiagnosticContext.Builder b = context.toBuilder();
    OAuthClient o = context.oauth();
    MailServer s = context.server();
    if (o.provider() == null) {
      b.provider(ID);
    }
    if (o.tokenEndpoint() == null) {
      b.tokenEndpoint(GoogleCatalog.TOKEN_ENDPOINT);
    }
    if (o.authorizationEndpoint() == null) {
      b.authorizationEndpoint(GoogleCatalog.AUTHORIZATION_ENDPOINT);
    }
    if (context.attribute(TOKEN_INFO_ENDPOINT).isEmpty()) {
      b.attribute(TOKEN_INFO_ENDPOINT, GoogleCatalog.TOKEN_INFO_ENDPOINT);
    }
    GoogleCatalog.mailHost(s.protocol(), s.security(), s.port()).ifPresent(h -> {
      if (s.host() == null) {
        b.host(h.host());
      }
      if (s.security() == null) {
        b.security(h.security());
      }
    });
    return b.build();
  }

  @Override
  public java.util.Optional<Remediation> remediation(String rootCause, DiagnosticContext context) {
    return java.util.Optional.of(GoogleRemediations.of(rootCause)).filter(r -> !r.isEmpty());
  }

  @Override
  public List<Check> checks() {
    return List.of(
        new MailScope(),
        new GoogleEndpoints(),
        new MailboxIsLogin(),
        new PasswordInsteadOfOAuth(),
        new TokenInfo());
  }

  @Override
  public List<Interpreter> interpreters() {
    return List.of(new GoogleTokenErrors(), new Xoauth2Challenge(), new GmailAnswers(), new GoogleSignatures());
  }
}
