package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.testkit.mail.LocalMailbox;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class Xoauth2AuthenticationTest {
  private static final Secret TOKEN = Secret.of("tok-xoauth2-7");

  @Test
  void imapRefusalKeepsTheExactAnswerAndAsksTheInterpreters() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).sasl("{tag} NO AUTHENTICATE failed.").start()) {
      Finding f = Probe.run(new Xoauth2Authentication(), imap.context(TOKEN), new Facts(),
          Probe.recognising("AUTHENTICATE failed.", RootCause.SCOPES));
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rootCause()).isEqualTo(RootCause.SCOPES);
      assertThat(f.evidence().get("serverAnswer")).matches("[A-Za-z]+[0-9]+ NO AUTHENTICATE failed\\.");
      assertThat(f.evidence().toString()).doesNotContain("tok-xoauth2-7");
    }
  }

  @Test
  void anUninterpretedAnswerIsStillAUsefulError() throws Exception {
    try (MockMailServer smtp = MockMailServer.smtp().starttls(TestCertificates.localhost())
        .sasl("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria").start()) {
      Finding f = Probe.run(new Xoauth2Authentication(), smtp.context(TOKEN), new Facts());
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rootCause()).isNull();
      assertThat(f.summary()).contains("535 5.7.139 Authentication unsuccessful");
      assertThat(f.detail()).contains("No interpreter recognised");
    }
  }

  @Test
  void pop3TwoLineOnlyIsReportedAsPopOauthFormat() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost())
        .saslForOneLine("-ERR Authentication failure: unknown user name or bad password.").start()) {
      CheckContext ctx = new CheckContext(pop.context(TOKEN), new Facts(), Explainer.of(List.of()));
      Finding f = new Xoauth2Authentication().run(ctx);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.rootCause()).isEqualTo(RootCause.POP_OAUTH_FORMAT);
      assertThat(f.evidence()).containsEntry("format", "two-line")
          .containsEntry("oneLineAnswer", "-ERR Authentication failure: unknown user name or bad password.");
      assertThat(ctx.facts().get(ProbeFacts.POP3_TWO_LINE)).contains(true);
      assertThat(pop.commands()).contains("AUTH XOAUTH2 [sasl]", "AUTH XOAUTH2", "[sasl]");
    }
  }

  @Test
  void pop3RefusingBothFormsKeepsBothAnswers() throws Exception {
    try (MockMailServer pop = MockMailServer.pop3().tls(TestCertificates.localhost()).sasl("-ERR Logon failure").start()) {
      Finding f = Probe.run(new Xoauth2Authentication(), pop.context(TOKEN), new Facts());
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.evidence()).containsEntry("oneLineAnswer", "-ERR Logon failure").containsEntry("twoLineAnswer", "-ERR Logon failure");
    }
  }

  @Test
  void withoutXoauth2TheTokenNeverGoesOutAsALoginPassword() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().capabilities("IMAP4rev1", "AUTH=PLAIN").start()) {
      Finding f = Probe.run(new Xoauth2Authentication(), imap.context(TOKEN));
      assertThat(f.rootCause()).isEqualTo(RootCause.XOAUTH2_NOT_OFFERED);
      assertThat(imap.verbs()).doesNotContain("LOGIN", "AUTHENTICATE");
    }
  }

  @Test
  void aTokenRefreshedDuringTheRunWinsOverTheConfiguredOne() throws Exception {
    try (LocalMailbox mailbox = LocalMailbox.start()) {
      Facts facts = new Facts();
      facts.put(Facts.ACCESS_TOKEN, Secret.of(LocalMailbox.TOKEN));
      Finding f = Probe.run(new Xoauth2Authentication(),
          mailbox.contextBuilder(Protocol.IMAP).accessToken(Secret.of("stale-token")).build(), facts);
      assertThat(f.severity()).as(f.summary()).isEqualTo(Severity.OK);
      Finding stale = Probe.run(new Xoauth2Authentication(),
          mailbox.contextBuilder(Protocol.IMAP).accessToken(Secret.of("stale-token")).build(), new Facts());
      assertThat(stale.severity()).isEqualTo(Severity.ERROR);
      assertThat(stale.evidence().get("serverAnswer")).contains("NO AUTHENTICATE failed");
    }
  }

  @Test
  void anUnreachableServerIsLeftToTheNetworkChecksUnlessTheyRan() throws Exception {
    int port = Probe.closedPort();
    dev.maildiag.api.DiagnosticContext ctx = dev.maildiag.api.DiagnosticContext.builder().protocol(Protocol.IMAP).host("127.0.0.1")
        .port(port).security(dev.maildiag.api.Security.NONE).login("u@example.test").accessToken(TOKEN)
        .network(dev.maildiag.api.DiagnosticContext.NetworkSettings.direct()).build();
    Finding alone = Probe.run(new Xoauth2Authentication(), ctx, new Facts());
    assertThat(alone.severity()).isEqualTo(Severity.SKIPPED);
    assertThat(alone.summary()).contains("network stages");
    Facts afterGreeting = new Facts();
    afterGreeting.put(ProbeFacts.CAPABILITIES, new ServerCapabilities("* OK", List.of("AUTH=XOAUTH2")));
    Finding chained = Probe.run(new Xoauth2Authentication(), ctx, afterGreeting);
    assertThat(chained.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
  }

  @Test
  void withoutAnyTokenItIsSkippedWithAReason() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().start()) {
      Finding f = Probe.run(new Xoauth2Authentication(), imap.context().build());
      assertThat(f.severity()).isEqualTo(Severity.SKIPPED);
      assertThat(f.summary()).contains("No access token");
      assertThat(imap.verbs()).isEmpty();
    }
  }
}
