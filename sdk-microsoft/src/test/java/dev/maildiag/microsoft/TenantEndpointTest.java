package dev.maildiag.microsoft;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TenantEndpointTest {
  private static final String COMMON = "https://login.microsoftonline.com/common/oauth2/v2.0/token";

  @Test
  void commonWithAKnownTenantGivesTheTenantUrls() {
    Finding f = new TenantEndpoint().run(Contexts.ctx(Contexts.imap().tokenEndpoint(COMMON).build()));
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.rootCause()).isEqualTo(RootCause.SINGLE_TENANT_ENDPOINT);
    assertThat(f.remediation().steps()).anyMatch(s -> s.contains("https://login.microsoftonline.com/" + Contexts.TENANT + "/oauth2/v2.0/token"));
  }

  @Test
  void clientCredentialsCannotUseCommon() {
    Finding f = new TenantEndpoint().run(Contexts.ctx(Contexts.imap().tokenEndpoint(COMMON).refreshToken(null).build()));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void tenantEndpointsDoNotApply() {
    assertThat(new TenantEndpoint().appliesTo(Contexts.imap().build())).isFalse();
  }
}
