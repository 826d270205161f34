package dev.maildiag.microsoft;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ScopesForProtocolTest {
  private static Finding run(dev.maildiag.api.DiagnosticContext c) {
    return new ScopesForProtocol().run(Contexts.ctx(c));
  }

  @Test
  void documentedScopesAreFine() {
    assertThat(run(Contexts.imap().build()).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void graphMailReadIsWrong() {
    Finding f = run(Contexts.imap().scopes(List.of("https://graph.microsoft.com/Mail.Read", "offline_access")).build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(f.summary()).contains("Graph");
  }

  @Test
  void comResourceInAUsCloudIsWrong() {
    Finding f = run(Contexts.imap().cloud("gcc-high").host("outlook.office365.us").build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).contains("another cloud");
    assertThat(f.remediation().steps().get(0)).contains("https://outlook.office365.us/IMAP.AccessAsUser.All");
  }

  @Test
  void missingOfflineAccessIsAWarning() {
    Finding f = run(Contexts.imap().scopes(List.of("https://outlook.office.com/IMAP.AccessAsUser.All")).build());
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
  }

  @Test
  void popNeedsPopPermission() {
    Finding f = run(Contexts.imap().protocol(Protocol.POP3).port(995).build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).contains("POP.AccessAsUser.All");
  }

  @Test
  void appOnlyNeedsDotDefault() {
    Finding ok = run(Contexts.imap().refreshToken(null).scopes(List.of("https://outlook.office365.com/.default")).build());
    Finding wrong = run(Contexts.imap().refreshToken(null).build());
    assertThat(ok.severity()).isEqualTo(Severity.OK);
    assertThat(wrong.severity()).isEqualTo(Severity.ERROR);
    assertThat(wrong.summary()).contains(".default");
  }
}
