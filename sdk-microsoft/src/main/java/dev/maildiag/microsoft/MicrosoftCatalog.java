package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads a context against the cloud catalog: which cloud it means and whether it is Microsoft's at all. */
public final class MicrosoftCatalog {
  /** Tenant segments that are not a tenant: they let any (or any work) account sign in. */
  public static final Set<String> SHARED_TENANTS = Set.of("common", "organizations", "consumers");

  private MicrosoftCatalog() {}

  /** The cloud the context means: as declared, else by mail host, sign-in host or scope resource. */
  public static Optional<MicrosoftCloud> cloudOf(DiagnosticContext c) {
    OAuthClient o = c.oauth();
    Optional<MicrosoftCloud> declared = MicrosoftClouds.byId(o.cloud());
    if (declared.isPresent()) {
      return declared;
    }
    Optional<MicrosoftCloud> byHost = MicrosoftClouds.byMailHost(c.server().host());
    if (byHost.isPresent()) {
      return byHost;
    }
    Optional<MicrosoftCloud> byAuthority = MicrosoftClouds.byAuthority(MicrosoftClouds.hostOf(o.tokenEndpoint()));
    if (byAuthority.isPresent()) {
      return byAuthority;
    }
    return o.scopes().stream().map(MicrosoftClouds::byResource).flatMap(Optional::stream).findFirst();
  }

  /** Whether the context is about Microsoft 365: said so, or any of its hosts is Microsoft's. */
  public static boolean isMicrosoft(DiagnosticContext c) {
    String provider = c.oauth().provider();
    if (provider != null) {
      return provider.toLowerCase(Locale.ROOT).equals("microsoft");
    }
    OAuthClient o = c.oauth();
    return MicrosoftClouds.byId(o.cloud()).isPresent()
        || MicrosoftClouds.byMailHost(c.server().host()).isPresent()
        || MicrosoftClouds.byAuthority(MicrosoftClouds.hostOf(o.tokenEndpoint())).isPresent()
        || MicrosoftClouds.byAuthority(MicrosoftClouds.hostOf(o.authorizationEndpoint())).isPresent();
  }

  /** The tenant segment of a Microsoft endpoint URL ({@code https://host/<tenant>/oauth2/...}), or null. */
  public static String tenantIn(String endpoint) {
    if (endpoint == null) {
      return null;
    }
    try {
      String path = java.net.URI.create(endpoint.trim()).getPath();
      if (path == null) {
        return null;
      }
      String[] parts = path.split("/");
      return parts.length > 1 && !parts[1].isEmpty() && !parts[1].startsWith("oauth2") ? parts[1] : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** True when the handler uses app-only access (client credentials): a secret and no refresh token. */
  public static boolean isAppOnly(DiagnosticContext c) {
    // an interactive sign-in (SignIn) is delegated access, whatever the secret
    return c.tokens().refreshToken() == null && c.oauth().clientSecret() != null && c.tokens().accessToken() == null
        && c.attribute(dev.maildiag.api.spi.SignIn.ATTRIBUTE).isEmpty();
  }
}
