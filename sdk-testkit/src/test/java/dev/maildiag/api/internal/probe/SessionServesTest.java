package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SessionServesTest {
  private static final Secret TOKEN = Secret.of("tok-session");

  @Test
  void imapNoopShowsTheSessionServesWithoutListingFolders() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost())
        .folders(Map.of("INBOX", 1, "Sent Items", 0)).start()) {
      CheckContext ctx = CheckContext.standalone(imap.context(TOKEN));
      Finding f = new SessionServes().run(ctx);
      assertThat(f.severity()).isEqualTo(Severity.OK);
      assertThat(imap.verbs()).containsSubsequence("AUTHENTICATE", "NOOP").doesNotContain("LIST"); // constant cost, however many folders
    }
  }

  @Test
  void authenticatedButNotConnectedKeepsTheAnswerForTheInterpreters() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost())
        .on("NOOP", "{tag} BAD User is authenticated but not connected.").start()) {
      Finding f = Probe.run(new SessionServes(), imap.context(TOKEN), new Facts(),
          Probe.recognising("authenticated but not connected", RootCause.CLIENT_ACCESS_RULE));
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rootCause()).isEqualTo(RootCause.CLIENT_ACCESS_RULE);
      assertThat(f.evidence().get("serverAnswer")).endsWith("BAD User is authenticated but not connected.");
    }
  }

  @Test
  void pop3StatAndSmtpNoop() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).messages(4).start();
        MockMailServer smtp = MockMailServer.smtp().tls(TestCertificates.localhost()).on("NOOP", "421 4.7.0 Try again later").start()) {
      Finding popFinding = Probe.run(new SessionServes(), pop.context(TOKEN));
      assertThat(popFinding.severity()).isEqualTo(Severity.OK);
      assertThat(popFinding.evidence()).containsEntry("messages", "4");
      Finding smtpFinding = Probe.run(new SessionServes(), smtp.context(TOKEN));
      assertThat(smtpFinding.severity()).isEqualTo(Severity.ERROR);
      assertThat(smtpFinding.summary()).contains("421 4.7.0 Try again later");
    }
  }
}
