package dev.maildiag.api.internal.probe;

import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.proxy.MockProxy;
import java.net.InetSocketAddress;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ProxyRouteTest {
  private static NetworkSettings settings(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return NetworkSettings.from(p);
  }

  private static DiagnosticContext imap(NetworkSettings n) {
    return DiagnosticContext.builder().protocol(Protocol.IMAP).host("imap.example.test").port(993).security(Security.SSL)
        .tokenEndpoint("https://login.example.test/tenant/oauth2/v2.0/token").network(n).build();
  }

  @Test
  void withoutProxySettingsEverythingGoesDirect() throws Exception {
    Finding f = Probe.run(new ProxyRoute(), imap(NetworkSettings.direct()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.evidence().get("mailRoute")).contains("direct");
    assertThat(f.evidence().get("identityRoute")).contains("direct");
  }

  @Test
  void aMailProxyThatTunnelsIsOk() throws Exception {
    try (MockMailServer server = MockMailServer.imap().start();
        MockProxy proxy = MockProxy.allowing().map("imap.example.test", new InetSocketAddress("127.0.0.1", server.port())).start()) {
      Finding f = Probe.run(new ProxyRoute(), imap(settings("mail.imaps.proxy.host", proxy.host(), "mail.imaps.proxy.port",
          Integer.toString(proxy.port()))));
      assertThat(f.severity()).as(f.summary()).isEqualTo(Severity.OK);
      assertThat(f.evidence().get("mailRoute")).contains("through HTTP proxy").contains("mail.imaps.proxy.host");
      assertThat(proxy.requests()).containsExactly("CONNECT imap.example.test:993 HTTP/1.1");
    }
  }

  @Test
  void identityThroughTheProxyWhileMailGoesDirectIsPointedOut() throws Exception {
    try (MockMailServer idp = MockMailServer.smtp().start();
        MockProxy proxy = MockProxy.allowing().map("login.example.test", new InetSocketAddress("127.0.0.1", idp.port())).start()) {
      Finding f = Probe.run(new ProxyRoute(), imap(settings("https.proxyHost", proxy.host(), "https.proxyPort",
          Integer.toString(proxy.port()))));
      assertThat(f.severity()).as(f.summary()).isEqualTo(Severity.INFO);
      assertThat(f.detail()).contains("-Dmail.imaps.proxy.host");
      assertThat(proxy.requests()).containsExactly("CONNECT login.example.test:443 HTTP/1.1");
    }
  }

  @Test
  void aDenyingProxyNamesTheFlagsToChange() throws Exception {
    try (MockProxy proxy = MockProxy.denying().start()) {
      Finding f = Probe.run(new ProxyRoute(), imap(settings("https.proxyHost", proxy.host(), "https.proxyPort",
          Integer.toString(proxy.port()), "http.nonProxyHosts", "localhost")));
      assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
      assertThat(f.summary()).contains("403").contains("login.example.test:443");
      assertThat(String.join(" ", f.remediation().steps())).contains("-Dhttp.nonProxyHosts=\"login.example.test|localhost|127.*\"");
    }
  }

  @Test
  void aProxyDemandingCredentialsForMailNamesTheMailFlags() throws Exception {
    try (MockProxy proxy = MockProxy.requiringAuth("svc", "pw").start()) {
      Finding f = Probe.run(new ProxyRoute(), imap(settings("mail.imaps.proxy.host", proxy.host() + ":" + proxy.port())));
      assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
      assertThat(f.summary()).contains("407");
      assertThat(String.join(" ", f.remediation().steps())).contains("-Dmail.imaps.proxy.user=");
    }
  }

  @Test
  void anUnreachableProxyIsProxyBlocking() throws Exception {
    int port = Probe.closedPort();
    Finding f = Probe.run(new ProxyRoute(), imap(settings("socksProxyHost", "127.0.0.1", "socksProxyPort", Integer.toString(port))));
    assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(f.summary()).contains("SOCKS proxy 127.0.0.1:" + port);
  }

  @Test
  void httpsNonProxyHostsIsFlaggedAsIgnored() throws Exception {
    try (MockProxy proxy = MockProxy.allowing().start()) {
      Finding f = Probe.run(new ProxyRoute(), DiagnosticContext.builder().protocol(Protocol.IMAP).host("imap.example.test")
          .network(settings("https.proxyHost", proxy.host(), "https.proxyPort", Integer.toString(proxy.port()),
              "https.nonProxyHosts", "*.example.test"))
          .build());
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.remediation().steps()).anyMatch(s -> s.contains("-Dhttp.nonProxyHosts=\"*.example.test\""));
    }
  }
}
