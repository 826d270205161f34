package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class DnsResolvesTest {
  private static DiagnosticContext.Builder imap(String host) {
    return DiagnosticContext.builder().protocol(Protocol.IMAP).host(host).network(NetworkSettings.direct());
  }

  @Test
  void resolvableHostsAreOkWithTheirAddresses() throws Exception {
    Finding f = Probe.run(new DnsResolves(), imap("127.0.0.1").tokenEndpoint("https://localhost/token").build());
    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.evidence()).containsEntry("127.0.0.1", "127.0.0.1").containsKey("localhost");
  }

  @Test
  void anUnresolvableIdentityHostIsADnsFailure() throws Exception {
    Finding f = Probe.run(new DnsResolves(), imap("127.0.0.1").tokenEndpoint("https://login.no-such-host.invalid/t").build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.DNS_FAILURE);
    assertThat(f.summary()).contains("login.no-such-host.invalid");
    assertThat(f.evidence().get("login.no-such-host.invalid")).startsWith("no address");
  }

  @Test
  void aNameOnlyTheProxyResolvesIsInfo() throws Exception {
    Properties p = new Properties();
    p.setProperty("https.proxyHost", "127.0.0.1");
    p.setProperty("http.nonProxyHosts", "nothing.invalid");
    Finding f = Probe.run(new DnsResolves(), DiagnosticContext.builder().tokenEndpoint("https://idp.no-such-host.invalid/t")
        .network(NetworkSettings.from(p)).build());
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.summary()).contains("proxy");
  }
}
