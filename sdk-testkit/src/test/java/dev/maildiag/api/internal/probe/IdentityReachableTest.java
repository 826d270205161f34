package dev.maildiag.api.internal.probe;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.internal.LocalHttpsServer;
import dev.maildiag.testkit.proxy.MockProxy;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class IdentityReachableTest {
  private static DiagnosticContext.Builder identity(String url, NetworkSettings n) {
    return DiagnosticContext.builder().tokenEndpoint(url).network(n).timeout(Duration.ofSeconds(3))
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust());
  }

  private static NetworkSettings viaProxy(MockProxy proxy) {
    Properties p = new Properties();
    p.setProperty("https.proxyHost", proxy.host());
    p.setProperty("https.proxyPort", Integer.toString(proxy.port()));
    p.setProperty("http.nonProxyHosts", "nothing.invalid");
    return NetworkSettings.from(p);
  }

  @Test
  void anyHttpAnswerProvesReachability() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 405, 0)) {
      Finding f = Probe.run(new IdentityReachable(), identity(idp.url("/tenant/oauth2/v2.0/token"), NetworkSettings.direct()).build());
      assertThat(f.severity()).isEqualTo(Severity.OK);
      assertThat(f.evidence()).containsEntry("status", "405").containsKey("certificateIssuer");
    }
  }

  @Test
  void aDenyingProxyIsProxyBlockingNotAnOauthError() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 400, 0);
        MockProxy proxy = MockProxy.denying().start()) {
      Finding f = Probe.run(new IdentityReachable(), identity(idp.url("/token"), viaProxy(proxy)).build());
      assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
      assertThat(f.detail()).contains("not an OAuth error");
      assertThat(idp.hits()).isZero();
    }
  }

  @Test
  void aProxyDemandingCredentialsIsProxyBlockingWithTheFlags() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 400, 0);
        MockProxy proxy = MockProxy.requiringAuth("u", "p").start()) {
      Finding f = Probe.run(new IdentityReachable(), identity(idp.url("/token"), viaProxy(proxy)).build());
      assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
      assertThat(String.join(" ", f.remediation().steps())).contains("-Dhttps.proxyUser");
    }
  }

  @Test
  void aClosedPortIsNetworkBlocked() throws Exception {
    int port = Probe.closedPort();
    Finding f = Probe.run(new IdentityReachable(), identity("https://localhost:" + port + "/token", NetworkSettings.direct()).build());
    assertThat(f.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
  }

  @Test
  void anInterceptingCertificateIsTlsCertificate() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 400, 0)) {
      Finding f = Probe.run(new IdentityReachable(), identity(idp.url("/token"), NetworkSettings.direct())
          .attribute(TlsTrust.ATTRIBUTE, TlsTrust.jvmDefault()).build());
      assertThat(f.rootCause()).isEqualTo(RootCause.TLS_CERTIFICATE);
    }
  }
}
