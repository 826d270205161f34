package dev.maildiag.testkit.mail;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Secret;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.internal.net.ProtocolTrace;
import dev.maildiag.testkit.tls.TestCertificates;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockMailServerTest {
  private static final Secret TOKEN = Secret.of("tok-abc-123");

  @Test
  void imapOverTlsAuthenticatesExaminesAndRecordsWithoutTheToken() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(7).start()) {
      DiagnosticContext ctx = imap.context(TOKEN);
      ProtocolTrace trace = new ProtocolTrace();
      Store store = MailSessions.store(MailSessions.session(ctx, false, trace), ctx.server());
      store.connect(ctx.server().host(), ctx.server().port(), ctx.server().login(), TOKEN.reveal());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isEqualTo(7);
      inbox.close(false);
      store.close();
      assertThat(imap.verbs()).contains("AUTHENTICATE", "EXAMINE").doesNotContain("SELECT", "LOGIN");
      assertThat(String.join("\n", imap.commands())).contains("AUTHENTICATE XOAUTH2 [sasl]").doesNotContain("dG9r");
      assertThat(trace.text()).doesNotContain("tok-abc-123");
    }
  }

  @Test
  void imapScriptedFailureSurfacesAndStrictStoreNeverSendsLogin() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().sasl("{tag} NO AUTHENTICATE failed.").start();
        MockMailServer noXoauth = MockMailServer.imap().capabilities("IMAP4rev1").start()) {
      DiagnosticContext ctx = imap.context(TOKEN);
      Store store = MailSessions.store(MailSessions.session(ctx, false, null), ctx.server());
      assertThatThrownBy(() -> store.connect(imap.host(), imap.port(), "u", TOKEN.reveal()))
          .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AUTHENTICATE failed.");

      DiagnosticContext plain = noXoauth.context(TOKEN);
      Store strict = MailSessions.store(MailSessions.session(plain, false, null), plain.server());
      assertThatThrownBy(() -> strict.connect(noXoauth.host(), noXoauth.port(), "u", TOKEN.reveal()))
          .isInstanceOf(MessagingException.class).hasMessageContaining("AUTH=XOAUTH2");
      assertThat(noXoauth.verbs()).doesNotContain("LOGIN", "AUTHENTICATE");
    }
  }

  @Test
  void pop3RefusesOneLineAndAcceptsTwoLineWhenScripted() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().starttls(TestCertificates.localhost())
        .saslForOneLine("-ERR Authentication failure: unknown user name or bad password.").messages(3).start()) {
      DiagnosticContext ctx = pop.context(TOKEN);
      Store one = MailSessions.store(MailSessions.session(ctx, false, null), ctx.server());
      assertThatThrownBy(() -> one.connect(pop.host(), pop.port(), "u", TOKEN.reveal()))
          .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("unknown user name");
      Store two = MailSessions.store(MailSessions.session(ctx, true, null), ctx.server());
      two.connect(pop.host(), pop.port(), "u", TOKEN.reveal());
      Folder inbox = two.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isEqualTo(3);
      inbox.close(false);
      two.close();
      assertThat(pop.verbs()).contains("STLS", "AUTH", "[SASL]", "STAT", "QUIT").doesNotContain("DELE");
    }
  }

  @Test
  void smtpStarttlsAuthAndNoop() throws Exception {
    try (MockMailServer smtp = MockMailServer.smtp().starttls(TestCertificates.localhost()).start()) {
      DiagnosticContext ctx = smtp.context(TOKEN);
      Transport t = MailSessions.transport(MailSessions.session(ctx, false, null), ctx.server());
      t.connect(smtp.host(), smtp.port(), "u", TOKEN.reveal());
      assertThat(((org.eclipse.angus.mail.smtp.SMTPTransport) t).simpleCommand("NOOP")).isEqualTo(250);
      t.close();
      assertThat(smtp.verbs()).containsSubsequence("EHLO", "STARTTLS", "EHLO", "AUTH", "NOOP");
    }
  }
}
