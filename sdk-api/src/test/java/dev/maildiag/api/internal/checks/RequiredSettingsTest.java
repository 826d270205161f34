package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.api.Test;
import static dev.maildiag.api.internal.checks.CheckRun.imap;
import static dev.maildiag.api.internal.checks.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class RequiredSettingsTest {
  private final RequiredSettings check = new RequiredSettings();

  @Test
  void completeConfigurationIsOk() throws Exception {
    assertThat(run(check, imap().build()).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void anAccessTokenAloneIsEnough() throws Exception {
    DiagnosticContext c = imap().clientId(null).clientSecret(null).refreshToken(null).tokenEndpoint(null)
        .accessToken(Secret.of("at")).build();
    assertThat(run(check, c).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void aPasswordAloneIsBasicAuthenticationToDiagnoseNotAMissingSetting() throws Exception {
    DiagnosticContext c = imap().clientId(null).clientSecret(null).refreshToken(null).tokenEndpoint(null)
        .password(Secret.of("hunter2")).build();
    Finding f = run(check, c);

    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.rootCause()).isNull();
    assertThat(f.summary()).contains("basic authentication");
  }

  @Test
  void aPasswordDoesNotExcuseAMissingHost() throws Exception {
    DiagnosticContext c = imap().host(null).clientId(null).clientSecret(null).refreshToken(null).tokenEndpoint(null)
        .password(Secret.of("hunter2")).build();
    Finding f = run(check, c);

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).contains("mail host").doesNotContain("access token");
  }

  @Test
  void emptyConfigurationNamesEveryMissingSetting() throws Exception {
    Finding f = run(check, DiagnosticContext.builder().network(NetworkSettings.direct()).build());

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(f.summary()).contains("protocol").contains("mail host").contains("login user").contains("access token");
    // embedders have no command line: the finding names settings, never flags
    assertThat(f.summary() + f.remediation().steps()).doesNotContain("--");
  }

  @Test
  void aRefreshTokenNeedsAClientIdAndSomewhereToSendIt() throws Exception {
    Finding f = run(check, imap().clientId(null).clientSecret(null).tokenEndpoint(null).build());

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).contains("client id").contains("token endpoint");
  }

  @Test
  void aTenantLetsTheProviderDeriveTheTokenEndpoint() throws Exception {
    Finding f = run(check, imap().tokenEndpoint(null).provider("microsoft").tenant("contoso.onmicrosoft.com").build());

    assertThat(f.severity()).isEqualTo(Severity.OK);
  }
}
