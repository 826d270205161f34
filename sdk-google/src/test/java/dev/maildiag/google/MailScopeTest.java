package dev.maildiag.google;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MailScopeTest {
  private static Finding run(dev.maildiag.api.DiagnosticContext.Builder b) {
    return new MailScope().run(CheckContext.standalone(b.build()));
  }

  @Test
  void mailScopeIsOk() {
    assertThat(run(GoogleContexts.gmail()).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void gmailApiScopeIsRefusedByTheMailServers() {
    Finding f = run(GoogleContexts.gmail().scopes(List.of("https://www.googleapis.com/auth/gmail.readonly")));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(f.detail()).contains("gmail.readonly is a Gmail API scope");
    assertThat(f.remediation().steps()).anyMatch(s -> s.contains("OAuth consent screen"));
  }

  @Test
  void imapAdminWorksForImapOnly() {
    assertThat(run(GoogleContexts.gmail().scopes(List.of(GoogleCatalog.IMAP_ADMIN_SCOPE))).severity()).isEqualTo(Severity.INFO);
    Finding smtp = run(GoogleContexts.gmail().protocol(Protocol.SMTP).scopes(List.of(GoogleCatalog.IMAP_ADMIN_SCOPE)));
    assertThat(smtp.rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(smtp.detail()).contains("domain-wide delegation");
  }

  @Test
  void aMicrosoftScopeIsNotAGmailScope() {
    Finding f = run(GoogleContexts.gmail().scopes(List.of("https://outlook.office.com/IMAP.AccessAsUser.All")));
    assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(f.detail()).contains("is not a Gmail scope");
  }

  @Test
  void noScopeIsOnlyInformation() {
    assertThat(run(GoogleContexts.gmail().scopes(List.of())).severity()).isEqualTo(Severity.INFO);
  }
}
