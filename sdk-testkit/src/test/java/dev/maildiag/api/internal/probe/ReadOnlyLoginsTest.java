package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.MailLogins;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The SPI's read-only login, as provider checks use it to try another protocol or endpoint. */
class ReadOnlyLoginsTest {
  private static final Secret TOKEN = Secret.of("tok-facade-7");

  /** A context diagnosing an IMAP server elsewhere, for a shared mailbox read with the login's token. */
  private static CheckContext diagnosing(MockMailServer other) {
    return CheckContext.standalone(other.context().protocol(Protocol.IMAP).port(1).security(Security.SSL)
        .login("agent@example.test").mailbox("shared@example.test").accessToken(TOKEN).timeout(Duration.ofSeconds(3)).build());
  }

  @Test
  void anotherProtocolIsTriedAsTheMailboxWithTheDiagnosisToken() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).start(); CheckContext ctx = diagnosing(pop)) {
      MailLogins.Result r = ctx.mail().login(Protocol.POP3, pop.host(), pop.port(), Security.SSL);

      assertThat(r.outcome()).isEqualTo(MailLogins.Outcome.ACCEPTED);
      assertThat(r.endpoint()).isEqualTo(pop.host() + ":" + pop.port());
      assertThat(ctx.mail().user()).isEqualTo("shared@example.test");
      assertThat(pop.xoauth2Users()).containsExactly("shared@example.test"); // the core login's user=, not the login
      assertThat(pop.verbs()).contains("AUTH", "QUIT").doesNotContain("STAT", "RETR", "DELE"); // logged out at once
    }
  }

  @Test
  void aRefusalCarriesTheServersAnswerWithoutTheToken() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).sasl("{tag} NO AUTHENTICATE failed.").start();
        CheckContext ctx = diagnosing(imap)) {
      MailLogins.Result r = ctx.mail().login(Protocol.IMAP, imap.host(), imap.port(), Security.SSL);

      assertThat(r.outcome()).isEqualTo(MailLogins.Outcome.REFUSED);
      assertThat(r.serverAnswer()).contains("NO AUTHENTICATE failed.").doesNotContain("tok-facade-7");
      assertThat(r.toString()).doesNotContain("tok-facade-7");
    }
  }

  @Test
  void aServerWithoutXoauth2NeverSeesTheToken() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().capabilities("IMAP4rev1", "AUTH=PLAIN").start(); CheckContext ctx = diagnosing(imap)) {
      MailLogins.Result r = ctx.mail().login(Protocol.IMAP, imap.host(), imap.port(), Security.NONE);

      assertThat(r.outcome()).isEqualTo(MailLogins.Outcome.XOAUTH2_NOT_OFFERED);
      assertThat(imap.verbs()).doesNotContain("LOGIN", "AUTHENTICATE");
    }
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().start(); CheckContext ctx = diagnosing(imap)) {
      MailLogins.Result r = ctx.mail().login(Protocol.IMAP, "127.0.0.1", Probe.closedPort(), Security.NONE);

      assertThat(r.outcome()).isEqualTo(MailLogins.Outcome.UNREACHABLE);
      assertThat(r.accepted()).isFalse();
    }
  }
}
