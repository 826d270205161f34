package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.spi.DiagnosticsProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MicrosoftDiagnosticsTest {
  private final MicrosoftDiagnostics microsoft = new MicrosoftDiagnostics();

  @Test
  void foundByServiceLoader() {
    assertThat(ServiceLoader.load(DiagnosticsProvider.class).stream().map(p -> p.get().id())).contains("microsoft");
  }

  @Test
  void appliesToMicrosoftHostsOrWhenSaidSo() {
    assertThat(microsoft.appliesTo(DiagnosticContext.builder().host("outlook.office365.us").build())).isTrue();
    assertThat(microsoft.appliesTo(DiagnosticContext.builder().host("x.partner.outlook.cn").build())).isTrue();
    assertThat(microsoft.appliesTo(DiagnosticContext.builder().tokenEndpoint("https://login.microsoftonline.us/t/oauth2/v2.0/token").build())).isTrue();
    assertThat(microsoft.appliesTo(DiagnosticContext.builder().host("127.0.0.1").provider("microsoft").build())).isTrue();
    assertThat(microsoft.appliesTo(DiagnosticContext.builder().host("imap.gmail.com").build())).isFalse();
    assertThat(microsoft.appliesTo(DiagnosticContext.builder().host("outlook.office365.com").provider("google").build())).isFalse();
  }

  @Test
  void fillsEndpointsAndHostFromTenantAndCloudWithoutOverwriting() {
    DiagnosticContext filled = microsoft.withDefaults(DiagnosticContext.builder()
        .protocol(Protocol.IMAP).cloud("gcc-high").tenant("contoso.onmicrosoft.us").build());
    assertThat(filled.oauth().tokenEndpoint()).isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token");
    assertThat(filled.oauth().authorizationEndpoint()).isEqualTo("https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/authorize");
    assertThat(filled.server().host()).isEqualTo("outlook.office365.us");
    assertThat(filled.server().security()).isEqualTo(Security.SSL);
    assertThat(filled.oauth().provider()).isEqualTo("microsoft");

    DiagnosticContext kept = microsoft.withDefaults(DiagnosticContext.builder().protocol(Protocol.SMTP).host("smtp.example.com")
        .tokenEndpoint("https://login.microsoftonline.com/common/oauth2/v2.0/token").build());
    assertThat(kept.server().host()).isEqualTo("smtp.example.com");
    assertThat(kept.server().security()).isEqualTo(Security.STARTTLS);
    assertThat(kept.oauth().tokenEndpoint()).endsWith("/common/oauth2/v2.0/token");
  }

  @Test
  void everyCloudNamesItsSources() {
    for (MicrosoftCloud c : MicrosoftClouds.ALL) {
      assertThat(c.sources()).as(c.id()).isNotEmpty();
      assertThat(c.delegatedScope(Protocol.IMAP)).startsWith("https://").endsWith("/IMAP.AccessAsUser.All");
      assertThat(c.isResourceOf(c.audiences().get(0))).isTrue();
    }
    assertThat(MicrosoftClouds.byMailHost("outlook-dod.office365.us")).contains(MicrosoftClouds.DOD);
    assertThat(MicrosoftClouds.byAuthority("login.chinacloudapi.cn")).contains(MicrosoftClouds.CHINA);
  }
}
