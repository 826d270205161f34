package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.SignIn;
import java.util.List;

/** Microsoft 365 / Exchange Online: the cloud catalog, checks and context-aware interpreters. */
public final class MicrosoftDiagnostics implements DiagnosticsProvider {
  public static final String ID = "microsoft";

  private final HostProductSupport products;

  /** The provider with the built-in host-product rules; {@link java.util.ServiceLoader} uses this. */
  public MicrosoftDiagnostics() {
    this(HostProductSupport.builtIn());
  }

  private MicrosoftDiagnostics(HostProductSupport products) {
    this.products = products;
  }

  /**
   * This provider with host-product rules of the caller's own added, for one runner:
   * {@code Maildiag.builder().provider(new MicrosoftDiagnostics().withProductRules(rules)).build()}. Other runners
   * in the JVM keep the built-in rules.
   */
  public MicrosoftDiagnostics withProductRules(List<HostProductSupport.Rule> rules) {
    return new MicrosoftDiagnostics(products.with(rules));
  }

  /** The host-product rules this provider's checks use. */
  public HostProductSupport productRules() {
    return products;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return MicrosoftCatalog.isMicrosoft(context);
  }

  /** Fills missing endpoints, mail host/port/security and provider from the tenant and cloud. */
  @Override
  public DiagnosticContext withDefaults(DiagnosticContext context) {
    OAuthClient o = context.oauth();
    MicrosoftCloud cloud = MicrosoftCatalog.cloudOf(context).orElse(MicrosoftClouds.WORLDWIDE);
    String tenant = o.tenant() != null ? o.tenant() : "organizations";
    DiagnosticContext.Builder b = context.toBuilder();
    if (o.provider() == null) {
      b.provider(ID);
    }
    if (o.tokenEndpoint() == null) {
      b.tokenEndpoint(cloud.tokenEndpoint(tenant));
    }
    if (o.authorizationEndpoint() == null) {
      b.authorizationEndpoint(cloud.authorizationEndpoint(tenant));
    }
    signInDefaults(context, cloud, b);
    if (context.server().protocol() != null) {
      cloud.endpoint(context.server().protocol()).ifPresent(e -> {
        if (context.server().host() == null) {
          b.host(e.host());
        }
        if (context.server().security() == null) {
          b.security(e.security());
        }
      });
    }
    return b.build();
  }

  /**
   * What a sign-in needs from the catalog: the device endpoint beside the token endpoint, {@code openid profile}
   * so that the ID token names who signed in, and, when none are configured, the protocol's delegated scope.
   */
  private static void signInDefaults(DiagnosticContext context, MicrosoftCloud cloud, DiagnosticContext.Builder b) {
    String token = context.oauth().tokenEndpoint() != null ? context.oauth().tokenEndpoint()
        : cloud.tokenEndpoint(context.oauth().tenant() != null ? context.oauth().tenant() : "organizations");
    if (context.attribute(SignIn.DEVICE_AUTHORIZATION_ENDPOINT).isEmpty() && token.trim().endsWith("/oauth2/v2.0/token")) {
      b.attribute(SignIn.DEVICE_AUTHORIZATION_ENDPOINT, token.trim().replaceFirst("/oauth2/v2\\.0/token$", "/oauth2/v2.0/devicecode"));
    }
    if (context.attribute(SignIn.IDENTITY_SCOPES).isEmpty()) {
      b.attribute(SignIn.IDENTITY_SCOPES, "openid profile");
    }
    if (context.attribute(SignIn.ATTRIBUTE).isPresent() && context.oauth().scopes().isEmpty() && context.server().protocol() != null) {
      b.scopes(java.util.List.of(cloud.delegatedScope(context.server().protocol()), MicrosoftCloud.OFFLINE_ACCESS));
    }
  }

  @Override
  public java.util.Optional<Remediation> remediation(String rootCause, DiagnosticContext context) {
    return java.util.Optional.of(MicrosoftFixes.of(rootCause, context)).filter(r -> !r.isEmpty());
  }

  @Override
  public List<Check> checks() {
    return List.of(
        new ScopesForProtocol(),
        new OneCloud(),
        new TenantEndpoint(),
        new ClientSecretExpiry(),
        new HostProductFit(products),
        new TokenClaimsMatch(),
        new OtherProtocolsCheck());
  }

  @Override
  public List<Interpreter> interpreters() {
    return List.of(new TokenErrors(), new ExchangeAnswers(), new MicrosoftSignatures());
  }
}
