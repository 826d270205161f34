package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RootCause;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Each way a connection fails reads differently to a firewall administrator. */
class NetworkFailureTest {
  private static Finding describe(IOException e) {
    return NetworkFailure.describe(e, "mail.example.test:993", null).build();
  }

  @Test
  void timedOutMeansSilentlyDropped() {
    Finding f = describe(new SocketTimeoutException("Connect timed out"));
    assertThat(f.rootCause()).isEqualTo(RootCause.NETWORK_BLOCKED);
    assertThat(f.summary()).contains("timed out");
    assertThat(f.detail()).contains("dropped silently");
  }

  @Test
  void refusedUnreachableAndResetAreToldApart() {
    assertThat(describe(new ConnectException("Connection refused")).summary()).contains("refused");
    assertThat(describe(new NoRouteToHostException("No route to host")).summary()).startsWith("No route");
    assertThat(describe(new SocketException("Network is unreachable")).summary()).startsWith("No route");
    assertThat(describe(new SocketException("Connection reset")).summary()).contains("reset");
  }

  @Test
  void unknownHostIsDnsAndProxyRefusalIsProxy() {
    assertThat(describe(new UnknownHostException("mail.example.test")).rootCause()).isEqualTo(RootCause.DNS_FAILURE);
    Finding proxy = describe(new ProxyRefusedException(407, "HTTP/1.1 407 Proxy Authentication Required", null));
    assertThat(proxy.rootCause()).isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(proxy.evidence()).containsEntry("proxyAnswer", "HTTP/1.1 407 Proxy Authentication Required");
  }

  @Test
  void somethingElseIsNotGuessedAt() {
    assertThat(NetworkFailure.describe(new IOException("odd"), "h:1", null)).isNull();
  }
}
