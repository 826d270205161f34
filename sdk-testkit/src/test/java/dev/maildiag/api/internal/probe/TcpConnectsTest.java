package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.proxy.MockProxy;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TcpConnectsTest {
  @Test
  void connectsToAListeningServer() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().start()) {
      Finding f = Probe.run(new TcpConnects(), imap.context().build());
      assertThat(f.severity()).isEqualTo(Severity.OK);
      assertThat(f.evidence()).containsEntry("target", "127.0.0.1:" + imap.port());
    }
  }

  @Test
  void aRefusedPortIsNetworkBlockedAndSaysRefused() throws Exception {
    int port = Probe.closedPort();
    Finding f = Probe.run(new TcpConnects(), DiagnosticContext.builder().protocol(Protocol.IMAP).host("127.0.0.1").port(port)
        .security(Security.SSL).network(NetworkSettings.direct()).timeout(Duration.ofSeconds(2)).build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
    assertThat(f.summary()).contains("refused");
    assertThat(f.remediation().steps()).anyMatch(s -> s.contains("firewall administrator"));
  }

  @Test
  void throughAMailProxyTheFirstHopIsTheProxy() throws Exception {
    try (MockProxy proxy = MockProxy.allowing().start()) {
      Properties p = new Properties();
      p.setProperty("mail.imaps.proxy.host", proxy.host() + ":" + proxy.port());
      Finding f = Probe.run(new TcpConnects(), DiagnosticContext.builder().protocol(Protocol.IMAP).host("imap.example.invalid")
          .security(Security.SSL).network(NetworkSettings.from(p)).build());
      assertThat(f.severity()).isEqualTo(Severity.OK);
      assertThat(f.summary()).contains("proxy for mail");
      assertThat(f.evidence().get("route")).contains("mail.imaps.proxy.host");
    }
  }

  @Test
  void anUnresolvableHostIsLeftToTheDnsCheck() throws Exception {
    Finding f = Probe.run(new TcpConnects(), DiagnosticContext.builder().protocol(Protocol.SMTP).host("smtp.no-such-host.invalid")
        .network(NetworkSettings.direct()).build());
    assertThat(f.severity()).isEqualTo(Severity.SKIPPED);
    assertThat(f.summary()).contains(DnsResolves.ID);
  }
}
