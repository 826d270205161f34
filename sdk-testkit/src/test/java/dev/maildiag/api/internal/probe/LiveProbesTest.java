package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.proxy.MockProxy;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static dev.maildiag.testkit.ReportAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole chain of live probes against healthy mock servers of each protocol. */
class LiveProbesTest {
  private static final Secret TOKEN = Secret.of("tok-live-1");

  private static Report diagnose(MockMailServer server) {
    return Maildiag.create().diagnose(server.context().accessToken(TOKEN).timeout(Duration.ofSeconds(3)).build());
  }

  @Test
  void healthyImapsPassesEveryProbe() {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(12).start()) {
      Report r = diagnose(imap);
      assertThat(r).hasNoErrors()
          .hasFinding(TcpConnects.ID, Severity.OK).hasFinding(TlsHandshake.ID, Severity.OK)
          .hasFinding(GreetingAndCapabilities.ID, Severity.OK).hasFinding(Xoauth2Authentication.ID, Severity.OK)
          .hasFinding(SessionServes.ID, Severity.OK).hasFinding(MailboxFolder.ID, Severity.OK);
    }
  }

  @Test
  void everyMailConnectionTakesTheMailProxy() {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(5).start();
        MockProxy proxy = MockProxy.requiringAuth("svc", "proxy-pw").start()) {
      Properties jvm = new Properties();
      jvm.setProperty("mail.imaps.proxy.host", proxy.host());
      jvm.setProperty("mail.imaps.proxy.port", Integer.toString(proxy.port()));
      jvm.setProperty("mail.imaps.proxy.user", "svc");
      jvm.setProperty("mail.imaps.proxy.password", "proxy-pw");
      Report r = Maildiag.create().diagnose(imap.context().accessToken(TOKEN).network(NetworkSettings.from(jvm)).build());
      assertThat(r).hasNoErrors().hasFinding(MailboxFolder.ID, Severity.OK).hasFinding(ProxyRoute.ID, Severity.OK);
      // the proxy check, and the one mail connection (opened by the TLS check, used by every step after it)
      assertThat(imap.verbs().stream().filter("AUTHENTICATE"::equals)).hasSize(1);
      assertThat(proxy.requests()).hasSize(2).allMatch(line -> line.equals("CONNECT 127.0.0.1:" + imap.port() + " HTTP/1.1"));
      assertThat(TextReport.write(r) + ReportJson.write(r)).doesNotContain("proxy-pw");
    }
  }

  @Test
  void aRefusalThroughTheProxyKeepsItsTraceFreeOfTokenAndProxyPassword() {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).sasl("{tag} NO AUTHENTICATE failed.").start();
        MockProxy proxy = MockProxy.requiringAuth("svc", "proxy-pw").start()) {
      Properties jvm = new Properties();
      jvm.setProperty("mail.imaps.proxy.host", proxy.host() + ":" + proxy.port());
      jvm.setProperty("mail.imaps.proxy.user", "svc");
      jvm.setProperty("mail.imaps.proxy.password", "proxy-pw");
      Report r = Maildiag.create().diagnose(imap.context().accessToken(TOKEN).network(NetworkSettings.from(jvm)).build());
      String trace = r.finding(Xoauth2Authentication.ID).orElseThrow().evidence().get("trace");
      assertThat(trace).contains("CAPABILITY").doesNotContain("proxy-pw", "tok-live-1", "dG9r");
      assertThat(TextReport.write(r) + ReportJson.write(r)).doesNotContain("proxy-pw", "tok-live-1");
    }
  }

  @Test
  void healthyPop3StarttlsPassesEveryProbe() {
    try (MockMailServer pop = MockMailServer.pop3().starttls(TestCertificates.localhost()).messages(3).start()) {
      Report r = diagnose(pop);
      assertThat(r).hasNoErrors().hasFinding(TlsHandshake.ID, Severity.OK).hasFinding(MailboxFolder.ID, Severity.OK);
    }
  }

  @Test
  void healthySmtpStarttlsPassesEveryProbe() {
    try (MockMailServer smtp = MockMailServer.smtp().starttls(TestCertificates.localhost()).start()) {
      Report r = diagnose(smtp);
      assertThat(r).hasNoErrors().hasFinding(SessionServes.ID, Severity.OK);
    }
  }
}
