package dev.maildiag.api.internal.run;

import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.checks.BuiltInRootCauses;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootCauseRegistryTest {
  private static final RootCauseRegistry BUILT_IN = RootCauseRegistry.of(BuiltInRootCauses.all());

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
      RootCause rc = BUILT_IN.find(id).orElseThrow(() -> new AssertionError("missing root cause " + id));
      assertThat(rc.title()).isNotBlank();
      assertThat(rc.remediation().steps()).as(id).isNotEmpty();
    }
  }

  @Test
  void theArticlesSixteenComeFirstInItsOrder() {
    assertThat(BuiltInRootCauses.all().subList(0, 16)).extracting(RootCause::id).containsExactlyElementsOf(PUBLIC_IDS.subList(0, 16));
  }

  @Test
  void providersMayAddIdsButNotRedefineOne() {
    RootCause own = new RootCause("test-provider-cause", "A provider's own cause", "why", Remediation.NONE);
    List<RootCause> withOwn = new java.util.ArrayList<>(BuiltInRootCauses.all());
    withOwn.add(own);
    withOwn.add(own);

    assertThat(RootCauseRegistry.of(withOwn).find("test-provider-cause")).contains(own);
    assertThat(BUILT_IN.find("test-provider-cause")).isEmpty();
    withOwn.add(new RootCause("scopes", "Something else", "why", Remediation.NONE));
    assertThatThrownBy(() -> RootCauseRegistry.of(withOwn))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'scopes'").hasMessageContaining("Something else");
    assertThatThrownBy(() -> new RootCause("Bad Id", "t", "m", Remediation.NONE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyPublicConstantIsABuiltInRootCause() throws IllegalAccessException {
    List<String> constants = new java.util.ArrayList<>();
    for (java.lang.reflect.Field f : RootCause.class.getFields()) {
      if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        constants.add((String) f.get(null));
      }
    }
    assertThat(constants).containsExactlyInAnyOrderElementsOf(BuiltInRootCauses.all().stream().map(RootCause::id).toList());
  }
}
