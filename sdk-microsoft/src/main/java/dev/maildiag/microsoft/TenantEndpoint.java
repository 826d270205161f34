package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.Locale;

/**
 * {@code /common} and {@code /organizations} only work for multi-tenant apps; a single-tenant app (the
 * default for new registrations) needs its tenant in the endpoints, and client credentials always do.
 */
public final class TenantEndpoint implements Check {
  public static final String ID = "microsoft.tenant-endpoint";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Endpoints name the tenant").finds(RootCause.SINGLE_TENANT_ENDPOINT);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return shared(context.oauth().tokenEndpoint()) != null || shared(context.oauth().authorizationEndpoint()) != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    String segment = shared(c.oauth().tokenEndpoint()) != null ? shared(c.oauth().tokenEndpoint()) : shared(c.oauth().authorizationEndpoint());
    String tenant = c.oauth().tenant();
    boolean tenantKnown = tenant != null && !MicrosoftCatalog.SHARED_TENANTS.contains(tenant.toLowerCase(Locale.ROOT));
    Finding.Builder f;
    if (MicrosoftCatalog.isAppOnly(c)) {
      f = Finding.error("Client credentials cannot use the /" + segment + " endpoint; the tenant must be in the token endpoint")
          .rootCause(RootCause.SINGLE_TENANT_ENDPOINT, 0.9);
    } else if (tenantKnown) {
      f = Finding.warning("The endpoints use /" + segment + " although the tenant is known (" + tenant
              + "); this fails for a single-tenant app (AADSTS50194)")
          .rootCause(RootCause.SINGLE_TENANT_ENDPOINT, 0.5);
    } else {
      return Finding.info("The endpoints use /" + segment + ", which works only if the app registration is multi-tenant")
          .evidence("token endpoint", c.oauth().tokenEndpoint())
          .build();
    }
    return f.detail("Apps registered as 'Accounts in this organizational directory only' must use tenant-specific endpoints.")
        .remediation(MicrosoftFixes.of(RootCause.SINGLE_TENANT_ENDPOINT, c))
        .evidence("token endpoint", c.oauth().tokenEndpoint())
        .evidence("authorization endpoint", c.oauth().authorizationEndpoint())
        .evidence("tenant", tenant)
        .build();
  }

  private static String shared(String endpoint) {
    String t = MicrosoftCatalog.tenantIn(endpoint);
    return t != null && MicrosoftCatalog.SHARED_TENANTS.contains(t.toLowerCase(Locale.ROOT)) ? t.toLowerCase(Locale.ROOT) : null;
  }
}
