package dev.maildiag.api.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.api.Test;

class ProxyFindingsTest {
  private static Finding refused(int status, String line, String headers, String target) {
    return ProxyFindings.refused(new ProxyRefusedException(status, line, ProxyAnswer.of(headers)), target).build();
  }

  @Test
  void policyAndCredentialsAreTheProxys() {
    assertThat(refused(403, "HTTP/1.1 403 Forbidden", "X-Squid-Error: ERR_ACCESS_DENIED 0", "mail.example.test:993").rootCause())
        .isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(refused(407, "HTTP/1.1 407 Proxy Authentication Required", "", "mail.example.test:993").rootCause())
        .isEqualTo(RootCause.PROXY_BLOCKING);
  }

  @Test
  void aRefusedPortBehindTheProxyIsTheNetworkAsSeenFromTheProxy() {
    Finding f = refused(503, "HTTP/1.1 503 Service Unavailable", "Server: squid/5.7\r\nX-Squid-Error: ERR_CONNECT_FAIL 111\r\n",
        "127.0.0.1:993");
    assertThat(f.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
    assertThat(f.detail()).contains("as seen from the proxy").contains("connection refused");
    assertThat(f.evidence()).containsEntry("proxyError", "ERR_CONNECT_FAIL (connection refused)");
  }

  @Test
  void otherProxiesSayBadGatewayOrGatewayTimeout() {
    assertThat(refused(502, "HTTP/1.1 502 Bad Gateway", "", "10.0.0.1:993").rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
    assertThat(refused(504, "HTTP/1.1 504 Gateway Timeout", "", "10.0.0.1:993").rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
  }

  @Test
  void aNameTheProxyCannotResolveIsDns() {
    assertThat(refused(503, "HTTP/1.1 503 Service Unavailable", "X-Squid-Error: ERR_DNS_FAIL 0", "mail.example.test:993").rootCause())
        .isEqualTo(RootCause.DNS_FAILURE);
    // Squid 5 answers CONNECT to a name it cannot resolve with ERR_CANNOT_FORWARD
    assertThat(refused(500, "HTTP/1.1 500 Internal Server Error", "X-Squid-Error: ERR_CANNOT_FORWARD 0", "mail.example.test:993")
        .rootCause()).isEqualTo(RootCause.DNS_FAILURE);
    assertThat(refused(500, "HTTP/1.1 500 Internal Server Error", "X-Squid-Error: ERR_CANNOT_FORWARD 0", "192.0.2.1:993")
        .rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
  }

  @Test
  void aSilentProxyBlocks() {
    Finding f = ProxyFindings.refused(new ProxyRefusedException(0, "no answer to CONNECT h:993 within 5 s", null), "h:993").build();
    assertThat(f.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(f.alternatives()).anyMatch(a -> a.rootCause().equals(RootCause.NETWORK_BLOCKED));
  }
}
