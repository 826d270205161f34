package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Stage;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class OneCloudTest {
  @Test
  void worldwideThroughout() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().build()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @Test
  void gccHighTenantOnTheWorldwideMailHost() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().cloud("gcc-high")
        .tokenEndpoint("https://login.microsoftonline.us/t/oauth2/v2.0/token").build()));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.CLOUD_MISMATCH);
    assertThat(f.evidence()).containsEntry("mail host outlook.office365.com", "worldwide");
  }

  @Test
  void aWorldwideHostWithAnotherCloudsScopeResourceIsACloudMismatch() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap()
        .scopes(List.of("https://outlook.office365.us/IMAP.AccessAsUser.All", "offline_access")).build()));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.CLOUD_MISMATCH);
    assertThat(f.summary()).contains("scope resource https://outlook.office365.us/");
    assertThat(f.evidence()).containsEntry("mail host outlook.office365.com", "worldwide")
        .containsEntry("scope resource https://outlook.office365.us/", "gcc-high");
  }

  @Test
  void theWholeConfigurationStageNamesTheCloudMismatchFirst() {
    DiagnosticContext context = Contexts.imap()
        .scopes(List.of("https://outlook.office365.us/IMAP.AccessAsUser.All", "offline_access")).build();
    Report report = Maildiag.builder().stages(Stage.CONFIG).build().diagnose(context);
    assertThat(report.topRootCause()).map(RankedRootCause::id).contains(RootCause.CLOUD_MISMATCH);
  }

  @Test
  void gccHighScopesWithGccHighHostsAgree() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().cloud("gcc-high").host("outlook.office365.us")
        .tokenEndpoint("https://login.microsoftonline.us/t/oauth2/v2.0/token")
        .scopes(List.of("https://outlook.office365.us/IMAP.AccessAsUser.All", "offline_access")).build()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @Test
  void gccUsesTheWorldwideHosts() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().cloud("gcc").build()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @Test
  void unknownHostsSayNothing() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().host("127.0.0.1").tokenEndpoint("http://127.0.0.1:1/t").build()));
    assertThat(f.severity()).isEqualTo(Severity.SKIPPED);
  }
}
