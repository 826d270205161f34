package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class GreetingAndCapabilitiesTest {
  @Test
  void capabilitiesAreReadAfterStarttlsAndKeptAsAFact() throws Exception {
    try (MockMailServer smtp = MockMailServer.smtp().starttls(TestCertificates.localhost()).start()) {
      CheckContext ctx = CheckContext.standalone(smtp.context().build());
      try (ctx) {
        Finding f = new GreetingAndCapabilities().run(ctx);
        assertThat(f.severity()).isEqualTo(Severity.OK);
        assertThat(f.evidence().get("capabilities")).contains("AUTH XOAUTH2").doesNotContain("STARTTLS");
        assertThat(ctx.facts().get(ProbeFacts.CAPABILITIES).orElseThrow().offersXoauth2()).isTrue();
        assertThat(smtp.verbs()).containsSubsequence("EHLO", "STARTTLS", "EHLO").doesNotContain("QUIT"); // held for the login
      }
      // the diagnosis ended without a login taking the connection: it says goodbye as it closes it
      long until = System.nanoTime() + 2_000_000_000L;
      while (!smtp.verbs().contains("QUIT") && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(smtp.verbs()).containsSubsequence("EHLO", "STARTTLS", "EHLO", "QUIT");
    }
  }

  @Test
  void missingXoauth2IsReportedForEachProtocol() throws Exception {
    MockMailServer[] servers = {MockMailServer.imap().capabilities("IMAP4rev1", "AUTH=PLAIN"),
        MockMailServer.pop3().capabilities("USER", "SASL PLAIN LOGIN"), MockMailServer.smtp().capabilities("AUTH PLAIN LOGIN")};
    for (MockMailServer server : servers) {
      try (MockMailServer s = server.start()) {
        Finding f = Probe.run(new GreetingAndCapabilities(), s.context().build());
        assertThat(f.rootCause()).as(f.summary()).isEqualTo(RootCause.XOAUTH2_NOT_OFFERED);
        assertThat(f.evidence()).containsKey("capabilities");
      }
    }
  }

  @Test
  void onPlainTextAServerThatOffersTlsFirstPointsAtTheSecurityToo() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().capabilities("IMAP4rev1", "LOGINDISABLED").start()) {
      Finding f = Probe.run(new GreetingAndCapabilities(), imap.context().security(Security.NONE).build());
      // no authentication before STARTTLS is the TLS mode (found against Dovecot), XOAUTH2 may well come after it
      assertThat(f.rootCause()).isEqualTo(RootCause.TLS_MODE_MISMATCH);
      assertThat(f.alternatives()).anyMatch(c -> c.rootCause().equals(RootCause.XOAUTH2_NOT_OFFERED));
    }
  }

  @Test
  void anotherProtocolOnThePortIsNotAMailServerOfThisProtocol() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().start()) {
      Finding f = Probe.run(new GreetingAndCapabilities(), pop.context().protocol(Protocol.IMAP).build());
      assertThat(f.rootCause()).isEqualTo(RootCause.NOT_A_MAIL_SERVER);
      assertThat(f.evidence().get("greeting")).startsWith("+OK");
    }
  }

  @Test
  void aRefusingGreetingIsAnErrorWithTheGreeting() throws Exception {
    try (MockMailServer smtp = MockMailServer.smtp().greeting("554 5.7.1 Service unavailable; client host blocked").start()) {
      Finding f = Probe.run(new GreetingAndCapabilities(), smtp.context().build(), new dev.maildiag.api.spi.Facts(),
          Probe.recognising("client host blocked", RootCause.NETWORK_BLOCKED));
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
      assertThat(f.evidence().get("greeting")).isEqualTo("554 5.7.1 Service unavailable; client host blocked");
    }
  }
}
