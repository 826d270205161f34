package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diagnosis connects to the mail server once and logs in once: TCP, TLS, greeting, XOAUTH2, session and
 * folder go on over one connection, each still its own finding, and the read-only guarantees hold on it.
 */
class OneConnectionTest {
  private static final Secret TOKEN = Secret.of("tok-one-connection");
  private static final List<String> WRITES = List.of("DELE", "STORE", "EXPUNGE", "COPY", "MOVE", "APPEND", "SELECT", "CREATE",
      "DELETE", "RENAME", "FETCH", "RETR", "TOP", "UID");
  private static final List<String> CHAIN = List.of(TcpConnects.ID, TlsHandshake.ID, GreetingAndCapabilities.ID, Xoauth2Authentication.ID,
      SessionServes.ID);

  private static Report diagnose(MockMailServer server) {
    return Maildiag.create().diagnose(server.context().accessToken(TOKEN).timeout(Duration.ofSeconds(3)).build());
  }

  private static void assertOneConnectionAndOneLogin(Supplier<MockMailServer> configured, String authVerb) {
    try (MockMailServer server = configured.get().start()) {
      Report r = diagnose(server);
      assertThat(r).hasNoErrors();
      for (String id : CHAIN) {
        if (!id.equals(TlsHandshake.ID) || server.context().build().server().security() != dev.maildiag.api.Security.NONE) {
          assertThat(r).hasFinding(id, Severity.OK);
        }
      }
      assertThat(server.connections()).as("TCP connections to the mail server").isEqualTo(1);
      assertThat(server.verbs().stream().filter(authVerb::equals)).as("logins").hasSize(1);
      assertThat(server.xoauth2Users()).containsExactly("user@example.test");
      assertThat(server.verbs()).doesNotContainAnyElementsOf(WRITES);
    }
  }

  @Test
  void imapsConnectsAndAuthenticatesOnceAndExaminesOnly() {
    assertOneConnectionAndOneLogin(() -> MockMailServer.imap().tls(TestCertificates.localhost()).messages(4), "AUTHENTICATE");
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(4).start()) {
      Report r = diagnose(imap);
      assertThat(r).hasFinding(MailboxFolder.ID, Severity.OK);
      assertThat(imap.verbs()).containsSubsequence("CAPABILITY", "AUTHENTICATE", "NOOP", "EXAMINE", "LOGOUT");
      // Angus gets the capabilities the server listed on this connection with the replayed greeting: no second CAPABILITY
      assertThat(imap.verbs().subList(0, imap.verbs().indexOf("AUTHENTICATE")).stream().filter("CAPABILITY"::equals)).hasSize(1);
      assertThat(r.finding(MailboxFolder.ID).orElseThrow().evidence()).containsEntry("messages", "4");
    }
  }

  @Test
  void imapWithStarttlsAsksForCapabilitiesAgainAfterTls() {
    // the greeting announces pre-TLS capabilities without XOAUTH2; only the answer after STARTTLS offers it
    assertOneConnectionAndOneLogin(() -> MockMailServer.imap().starttls(TestCertificates.localhost())
        .greeting("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready"), "AUTHENTICATE");
  }

  @Test
  void pop3sConnectsAndAuthenticatesOnceAndNeverDeletes() {
    assertOneConnectionAndOneLogin(() -> MockMailServer.pop3().tls(TestCertificates.localhost()).messages(3), "AUTH");
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).messages(3).start()) {
      Report r = diagnose(pop);
      assertThat(r).hasFinding(MailboxFolder.ID, Severity.OK);
      assertThat(pop.verbs().stream().filter("STAT"::equals)).hasSize(1);
      assertThat(pop.verbs()).endsWith("QUIT");
    }
  }

  @Test
  void pop3WithStlsConnectsAndAuthenticatesOnce() {
    assertOneConnectionAndOneLogin(() -> MockMailServer.pop3().starttls(TestCertificates.localhost()).messages(2), "AUTH");
  }

  @Test
  void smtpWithStarttlsConnectsAndAuthenticatesOnce() {
    assertOneConnectionAndOneLogin(() -> MockMailServer.smtp().starttls(TestCertificates.localhost()), "AUTH");
  }

  @Test
  void smtpsConnectsAndAuthenticatesOnce() {
    assertOneConnectionAndOneLogin(() -> MockMailServer.smtp().tls(TestCertificates.localhost()), "AUTH");
  }

  @Test
  void plainImapConnectsAndAuthenticatesOnce() {
    assertOneConnectionAndOneLogin(() -> MockMailServer.imap().messages(1), "AUTHENTICATE");
  }

  @Test
  void aLoginNobodyTakesIsClosedWhenTheDiagnosisEnds() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).start()) {
      CheckContext ctx = CheckContext.standalone(imap.context(TOKEN));
      try (ctx) {
        assertThat(new Xoauth2Authentication().run(ctx).severity()).isEqualTo(Severity.OK);
        assertThat(imap.verbs()).doesNotContain("LOGOUT"); // held for the session check
      }
      assertThat(imap.verbs()).contains("LOGOUT"); // closed with the diagnosis, no idle timer
    }
  }

  @Test
  void theNextChecksGoOnWithTheSameLogin() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(2).start();
        CheckContext ctx = CheckContext.standalone(imap.context(TOKEN))) {
      assertThat(new Xoauth2Authentication().run(ctx).severity()).isEqualTo(Severity.OK);
      assertThat(new SessionServes().run(ctx.forCheck()).severity()).isEqualTo(Severity.OK);
      assertThat(new MailboxFolder().run(ctx.forCheck()).severity()).isEqualTo(Severity.OK);
      assertThat(imap.verbs().stream().filter("AUTHENTICATE"::equals)).hasSize(1);
      assertThat(imap.verbs()).containsSubsequence("AUTHENTICATE", "NOOP", "EXAMINE");
    }
  }
}
