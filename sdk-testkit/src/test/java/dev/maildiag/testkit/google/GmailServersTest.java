package dev.maildiag.testkit.google;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.internal.net.TlsTrust;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GmailServersTest {
  private static DiagnosticContext context(Protocol protocol, int port) {
    return DiagnosticContext.builder().protocol(protocol).host("127.0.0.1").port(port).security(Security.SSL)
        .login(GoogleSimulation.LOGIN).network(NetworkSettings.direct())
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust()).timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void theHealthyMailboxAcceptsOnlyTheIssuedTokenOverVerifiedTls() throws Exception {
    try (GmailServers.Running gmail = GmailServers.accepting(Protocol.IMAP, GoogleSimulation.LOGIN, "ya29.good")) {
      DiagnosticContext ctx = context(Protocol.IMAP, gmail.port());
      Session session = MailSessions.session(ctx, false, null);
      try (Store store = MailSessions.store(session, ctx.server())) {
        store.connect("127.0.0.1", gmail.port(), GoogleSimulation.LOGIN, "ya29.good");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isEqualTo(12);
        inbox.close(false);
      }
      try (Store store = MailSessions.store(session, ctx.server())) {
        assertThatThrownBy(() -> store.connect("127.0.0.1", gmail.port(), GoogleSimulation.LOGIN, "ya29.other"))
            .isInstanceOf(AuthenticationFailedException.class);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Protocol.class, names = {"IMAP", "POP3"})
  void aRefusingGmailAnswersWithItsChallengeAndFinalWords(Protocol protocol) throws Exception {
    try (GmailServers.Running gmail = GmailServers.refusing(protocol, "400")) {
      DiagnosticContext ctx = context(protocol, gmail.port());
      try (Store store = MailSessions.store(MailSessions.session(ctx, false, null), ctx.server())) {
        // Angus' POP3 store reports a refused login only when the folder is opened
        assertThatThrownBy(() -> {
          store.connect("127.0.0.1", gmail.port(), GoogleSimulation.LOGIN, "ya29.any");
          store.getFolder("INBOX").open(Folder.READ_ONLY);
        }).hasStackTraceContaining("Invalid credentials");
      }
    }
  }

  @Test
  void theChallengeIsGooglesBase64Json() {
    assertThat(GmailServers.challenge("400"))
        .isEqualTo("eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==");
  }
}
