package dev.maildiag.microsoft;

import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class OtherProtocolsCheckTest {
  private static final String TOKEN = "good-token";
  private GreenMail imap;
  private GreenMail pop3;

  private void start(boolean imapAccepts, boolean pop3Accepts) {
    imap = server(ServerSetupTest.IMAP.dynamicPort(), imapAccepts);
    pop3 = server(ServerSetupTest.POP3.dynamicPort(), pop3Accepts);
  }

  private static GreenMail server(com.icegreen.greenmail.util.ServerSetup setup, boolean accepts) {
    GreenMail gm = new GreenMail(setup);
    gm.start();
    ((UserImpl) gm.setUser("helpdesk@contoso.com", "helpdesk@contoso.com", "x")).setTokenValidator(t -> accepts && t.equals(TOKEN));
    return gm;
  }

  @AfterEach
  void stop() {
    if (imap != null) {
      imap.stop();
      pop3.stop();
    }
  }

  private Finding run(List<String> scp) {
    return run(scp, null);
  }

  /** Runs the check; {@code probeSaid} is what oauth.xoauth2 learned about the configured protocol, if it ran. */
  private Finding run(List<String> scp, Boolean probeSaid) {
    return run(scp, probeSaid, null);
  }

  private Finding run(List<String> scp, Boolean probeSaid, String mailbox) {
    DiagnosticContext c = Contexts.imap().mailbox(mailbox).host("127.0.0.1").port(imap.getImap().getPort()).security(Security.NONE)
        .attribute(MailEndpoints.ATTRIBUTE, new MailEndpoints(Map.of(
            Protocol.POP3, new MailEndpoint("127.0.0.1", pop3.getPop3().getPort(), Security.NONE))))
        .timeout(Duration.ofSeconds(3)).build();
    CheckContext ctx = Contexts.ctx(c);
    ctx.facts().put(Facts.ACCESS_TOKEN, Secret.of(TOKEN));
    ctx.facts().put(Facts.TOKEN_CLAIMS, new TokenClaims("https://outlook.office.com", scp, List.of(), "helpdesk@contoso.com",
        Contexts.TENANT, "client-1", null, null, "jwt (signature not verified)", Map.of()));
    if (probeSaid != null) {
      ctx.facts().put(Facts.TOKEN_ACCEPTED, probeSaid);
    }
    return new OtherProtocolsCheck().run(ctx);
  }

  @Test
  void aLoginTheLiveProbeMadeIsNotRepeated() {
    start(false, true); // this IMAP server would refuse: the check must take the probe's word and not log in
    Finding f = run(List.of("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"), true);
    assertThat(f.severity()).isEqualTo(Severity.OK); // a second login would have been refused
  }

  @Test
  void aRefusalTheLiveProbeSawIsComparedWithTheOtherProtocol() {
    start(true, true); // IMAP would accept now, but the probe was refused: only POP3 is tried
    Finding f = run(List.of("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"), false);
    assertThat(f.rootCause()).isEqualTo(RootCause.PROTOCOL_DISABLED);
  }

  @Test
  void theOtherProtocolIsTriedAsTheMailboxLikeTheCoreLogin() {
    start(false, false); // the authorizing user's own mailbox would refuse on every protocol
    ((UserImpl) pop3.setUser("shared@contoso.com", "shared@contoso.com", "x")).setTokenValidator(t -> t.equals(TOKEN));
    Finding f = run(List.of("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"), false, "shared@contoso.com");
    assertThat(f.rootCause()).isEqualTo(RootCause.PROTOCOL_DISABLED); // a try as the login would have said no-license
    assertThat(f.evidence()).containsEntry("pop3", "accepted");
  }

  @Test
  void onlyImapRefusingMeansImapIsDisabled() {
    start(false, true);
    Finding f = run(List.of("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.PROTOCOL_DISABLED);
    assertThat(f.evidence()).containsEntry("pop3", "accepted").containsEntry("imap", "refused");
    assertThat(f.toString()).doesNotContain(TOKEN);
  }

  @Test
  void everyProtocolRefusingMeansNoLicence() {
    start(false, false);
    Finding f = run(List.of("IMAP.AccessAsUser.All", "POP.AccessAsUser.All"));
    assertThat(f.rootCause()).isEqualTo(RootCause.NO_LICENSE);
  }

  @Test
  void nothingToCompareWithoutAnotherProtocolsPermission() {
    start(false, true);
    assertThat(run(List.of("IMAP.AccessAsUser.All")).severity()).isEqualTo(Severity.SKIPPED);
  }

  @Test
  void aWorkingLoginNeedsNoComparison() {
    start(true, true);
    assertThat(run(List.of("IMAP.AccessAsUser.All", "POP.AccessAsUser.All")).severity()).isEqualTo(Severity.OK);
  }
}
