package dev.maildiag.api.internal.checks;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static dev.maildiag.api.internal.checks.CheckRun.imap;
import static dev.maildiag.api.internal.checks.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class EndpointUrlsTest {
  private final EndpointUrls check = new EndpointUrls();

  @Test
  void httpsEndpointsAndALoopbackRedirectAreOk() throws Exception {
    Finding f = run(check, imap()
        .authorizationEndpoint("https://login.microsoftonline.com/common/oauth2/v2.0/authorize")
        .redirectUri("http://localhost:8080/plugins/servlet/oauth/callback").build());
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"login.microsoftonline.com/common/oauth2/v2.0/token", "http://login.microsoftonline.com/x/token",
      "https://login microsoftonline.com/token", "https:///token"})
  void malformedOrPlainHttpTokenEndpointsAreErrors(String url) throws Exception {
    Finding f = run(check, imap().tokenEndpoint(url).build());

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(f.summary()).startsWith("The token endpoint is not a usable URL");
    assertThat(f.evidence()).containsEntry("token endpoint", url);
  }

  @Test
  void doesNotApplyWithoutAnyUrl() {
    assertThat(check.appliesTo(imap().tokenEndpoint(null).build())).isFalse();
  }
}
