package dev.maildiag.api.internal.run;

import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootCausesTest {
  /** The ids promised as public API from the first release; removing one is a breaking change. */
  private static final List<String> PUBLIC_IDS = List.of(
      "scopes", "protocol-disabled", "mailbox-permission", "no-license", "inbox-folder-missing", "client-access-rule",
      "network-blocked", "single-tenant-endpoint", "cloud-mismatch", "pop-oauth-format", "wrong-user-authorized",
      "multi-channel-beta", "session-stickiness", "client-secret-expired", "inbox-flooded", "proxy-blocking",
      "client-secret-invalid", "consent-required", "conditional-access", "refresh-token-invalid", "access-token-expired",
      "redirect-uri-mismatch", "app-not-found", "tenant-not-found", "smtp-auth-disabled", "basic-auth-rejected",
      "admin-policy-blocked", "tls-certificate", "tls-mode-mismatch", "dns-failure", "throttled", "app-unverified",
      "host-product-unsupported");

  @Test
  void everyPublicIdExistsWithATitleAndRemediation() {
    for (String id : PUBLIC_IDS) {
      RootCause rc = RootCauses.find(id).orElseThrow(() -> new AssertionError("missing root cause " + id));
      assertThat(rc.title()).isNotBlank();
      assertThat(rc.remediation().steps()).as(id).isNotEmpty();
    }
  }

  @Test
  void theArticlesSixteenComeFirstInItsOrder() {
    assertThat(RootCauses.builtIn().subList(0, 16)).extracting(RootCause::id).containsExactlyElementsOf(PUBLIC_IDS.subList(0, 16));
  }

  @Test
  void providersMayAddIdsButNotRedefineOne() {
    RootCauses.register(new RootCause("test-provider-cause", "A provider's own cause", "why", Remediation.NONE));
    assertThat(RootCauses.find("test-provider-cause")).isPresent();
    assertThatThrownBy(() -> RootCauses.register(new RootCause("scopes", "Something else", "why", Remediation.NONE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RootCause("Bad Id", "t", "m", Remediation.NONE)).isInstanceOf(IllegalArgumentException.class);
  }
}
