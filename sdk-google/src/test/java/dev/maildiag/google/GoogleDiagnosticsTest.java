package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.DiagnosticsProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleDiagnosticsTest {
  private final GoogleDiagnostics google = new GoogleDiagnostics();

  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(DiagnosticsProvider.class).stream().map(p -> p.get().id())).contains("google");
  }

  @Test
  void appliesToGoogleByProviderOrHosts() {
    assertThat(google.appliesTo(DiagnosticContext.builder().provider("Google").build())).isTrue();
    assertThat(google.appliesTo(DiagnosticContext.builder().host("imap.gmail.com").build())).isTrue();
    assertThat(google.appliesTo(DiagnosticContext.builder().host("smtp-relay.gmail.com").build())).isTrue();
    assertThat(google.appliesTo(DiagnosticContext.builder().tokenEndpoint("https://accounts.google.com/o/oauth2/token").build())).isTrue();
    assertThat(google.appliesTo(DiagnosticContext.builder().host("outlook.office365.com").build())).isFalse();
    assertThat(google.appliesTo(DiagnosticContext.builder().provider("microsoft").host("imap.gmail.com").build())).isFalse();
  }

  @Test
  void fillsWhatIsMissingFromTheCatalogAndKeepsWhatIsSet() {
    DiagnosticContext filled = google.withDefaults(DiagnosticContext.builder().protocol(Protocol.SMTP).security(Security.STARTTLS)
        .host(null).provider("google").build());
    assertThat(filled.server().host()).isEqualTo("smtp.gmail.com");
    assertThat(filled.server().effectivePort()).isEqualTo(587);
    assertThat(filled.oauth().tokenEndpoint()).isEqualTo("https://oauth2.googleapis.com/token");
    assertThat(filled.oauth().authorizationEndpoint()).isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
    assertThat(filled.attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT)).contains("https://oauth2.googleapis.com/tokeninfo");

    DiagnosticContext kept = google.withDefaults(DiagnosticContext.builder().protocol(Protocol.IMAP).host("127.0.0.1")
        .tokenEndpoint("http://127.0.0.1:1/token").attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT, "http://127.0.0.1:1/ti").build());
    assertThat(kept.server().host()).isEqualTo("127.0.0.1");
    assertThat(kept.oauth().tokenEndpoint()).isEqualTo("http://127.0.0.1:1/token");
    assertThat(kept.oauth().provider()).isEqualTo("google");
    assertThat(kept.attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT)).contains("http://127.0.0.1:1/ti");
  }

  @Test
  void smtpOn587GetsStarttlsAndOn465Ssl() {
    assertThat(google.withDefaults(DiagnosticContext.builder().provider("google").protocol(Protocol.SMTP).port(587).build())
        .server().security()).isEqualTo(Security.STARTTLS);
    assertThat(google.withDefaults(DiagnosticContext.builder().provider("google").protocol(Protocol.SMTP).port(465).build())
        .server().security()).isEqualTo(Security.SSL);
    assertThat(google.withDefaults(DiagnosticContext.builder().provider("google").protocol(Protocol.IMAP).build())
        .server().host()).isEqualTo("imap.gmail.com");
  }

  @Test
  void aCorrectGmailConfigurationPassesTheOfflineChecks() {
    var report = Maildiag.builder().stages(Stage.CONFIG).build().diagnose(GoogleContexts.gmail().build());
    assertThat(report.findings()).extracting(f -> f.checkId()).contains(MailScope.ID, GoogleEndpoints.ID, MailboxIsLogin.ID);
    assertThat(report.rootCauses()).isEmpty();
  }

  @Test
  void everyGoogleRootCauseHasAGoogleFixWithALink() {
    for (String id : GoogleRemediations.rootCauses()) {
      assertThat(GoogleRemediations.of(id).steps()).as(id).isNotEmpty();
      assertThat(GoogleRemediations.of(id).links()).as(id).allMatch(l -> l.startsWith("https://"));
    }
  }
}
