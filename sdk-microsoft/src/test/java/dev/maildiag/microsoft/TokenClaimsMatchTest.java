package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsMatchTest {
  private static Finding run(DiagnosticContext c, String aud, List<String> scp, List<String> roles, String user, String tid) {
    CheckContext ctx = Contexts.ctx(c);
    ctx.facts().put(Facts.TOKEN_CLAIMS, new TokenClaims(aud, scp, roles, user, tid, "client-1", null, null, "jwt (signature not verified)", Map.of()));
    return new TokenClaimsMatch().run(ctx);
  }

  private static Finding delegated(String aud, String scp, String user) {
    return run(Contexts.imap().build(), aud, List.of(scp), List.of(), user, Contexts.TENANT);
  }

  @Test
  void rightTokenIsFine() {
    Finding f = delegated("https://outlook.office.com", "IMAP.AccessAsUser.All", "helpdesk@contoso.com");
    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.evidence()).containsEntry("claims source", "jwt (signature not verified)");
  }

  @Test
  void audienceOfGraphIsScopesAndOfAnotherCloudIsCloudMismatch() {
    assertThat(delegated("https://graph.microsoft.com", "Mail.Read", "helpdesk@contoso.com").rootCause()).isEqualTo(RootCause.SCOPES);
    assertThat(delegated("https://outlook.office365.us", "IMAP.AccessAsUser.All", "helpdesk@contoso.com").rootCause()).isEqualTo(RootCause.CLOUD_MISMATCH);
  }

  @Test
  void missingPermissionIsScopes() {
    Finding f = delegated("https://outlook.office.com", "POP.AccessAsUser.All", "helpdesk@contoso.com");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
    Finding app = run(Contexts.imap().refreshToken(null).build(), "https://outlook.office365.com", List.of(), List.of("POP.AccessAsApp"), null, Contexts.TENANT);
    assertThat(app.summary()).contains("IMAP.AccessAsApp");
  }

  @Test
  void anotherUserIsWrongUserAuthorized() {
    Finding f = delegated("https://outlook.office.com", "IMAP.AccessAsUser.All", "admin@contoso.com");
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.WRONG_USER_AUTHORIZED);
    assertThat(f.alternatives()).extracting(c -> c.rootCause()).contains(RootCause.MAILBOX_PERMISSION);
  }

  @Test
  void anotherTenantAndADelegatedMailbox() {
    Finding tenant = run(Contexts.imap().build(), "https://outlook.office.com", List.of("IMAP.AccessAsUser.All"), List.of(),
        "helpdesk@contoso.com", "11111111-2222-3333-4444-555555555555");
    assertThat(tenant.severity()).isEqualTo(Severity.WARNING);
    Finding shared = run(Contexts.imap().mailbox("shared@contoso.com").build(), "https://outlook.office.com",
        List.of("IMAP.AccessAsUser.All"), List.of(), "helpdesk@contoso.com", Contexts.TENANT);
    assertThat(shared.rootCause()).isEqualTo(RootCause.MAILBOX_PERMISSION);
    assertThat(shared.severity()).isEqualTo(Severity.INFO);
  }
}
