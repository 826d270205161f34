package dev.maildiag.google;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleEndpointsTest {
  private static Finding run(dev.maildiag.api.DiagnosticContext.Builder b) {
    return new GoogleEndpoints().run(CheckContext.standalone(b.build()));
  }

  @Test
  void googlesCurrentAndLegacyEndpointsAreOk() {
    assertThat(run(GoogleContexts.gmail()).severity()).isEqualTo(Severity.OK);
    assertThat(run(GoogleContexts.gmail().tokenEndpoint("https://accounts.google.com/o/oauth2/token")
        .authorizationEndpoint("https://accounts.google.com/o/oauth2/auth")).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void loopbackIsASimulation() {
    Finding f = run(GoogleContexts.gmail().tokenEndpoint("http://127.0.0.1:8080/token"));
    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.summary()).contains("loopback");
  }

  @Test
  void anotherIdentityProvidersEndpointCannotIssueGmailTokens() {
    Finding f = run(GoogleContexts.gmail().tokenEndpoint("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.INVALID_CONFIGURATION);
    assertThat(f.evidence()).containsEntry("token endpoint", "https://login.microsoftonline.com/common/oauth2/v2.0/token");
  }
}
