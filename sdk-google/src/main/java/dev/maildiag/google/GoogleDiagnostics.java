package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Key;
import dev.maildiag.api.spi.SignIn;
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
    signInDefaults(context, b);
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

  /**
   * What a sign-in needs to know about Google: there is no device flow for Gmail's scope (Google's limited-input
   * device flow allows a short list of scopes, without https://mail.google.com/); {@code openid email} makes the
   * ID token name the account; {@code access_type=offline} and {@code prompt=consent} make Google issue a refresh
   * token every time (it sends one only at the first consent otherwise), {@code select_account} shows the account
   * picker; the mail scope when none is configured.
   */
  private static void signInDefaults(DiagnosticContext context, DiagnosticContext.Builder b) {
    if (context.attribute(SignIn.NO_DEVICE_FLOW).isEmpty()) {
      b.attribute(SignIn.NO_DEVICE_FLOW, "Google's device flow does not allow Gmail's scope " + GoogleCatalog.MAIL_SCOPE
          + " (it allows only a short list of scopes, see " + DEVICE_SCOPES_DOC + ")");
    }
    if (context.attribute(SignIn.IDENTITY_SCOPES).isEmpty()) {
      b.attribute(SignIn.IDENTITY_SCOPES, "openid email");
    }
    if (context.attribute(SignIn.AUTHORIZATION_PARAMETERS).isEmpty()) {
      b.attribute(SignIn.AUTHORIZATION_PARAMETERS, "access_type=offline&prompt=select_account%20consent");
    }
    if (context.attribute(SignIn.ATTRIBUTE).isPresent() && context.oauth().scopes().isEmpty()) {
      b.scopes(List.of(GoogleCatalog.MAIL_SCOPE));
    }
  }

  static final String DEVICE_SCOPES_DOC = "https://developers.google.com/identity/protocols/oauth2/limited-input-device#allowedscopes";

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
