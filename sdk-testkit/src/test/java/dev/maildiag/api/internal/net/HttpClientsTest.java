package dev.maildiag.api.internal.net;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.testkit.internal.LocalHttpsServer;
import dev.maildiag.testkit.proxy.MockProxy;
import dev.maildiag.testkit.tls.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpClientsTest {
  private static DiagnosticContext context(MockProxy proxy, String... more) {
    Properties p = new Properties();
    p.setProperty("https.proxyHost", proxy.host());
    p.setProperty("https.proxyPort", Integer.toString(proxy.port()));
    p.setProperty("http.nonProxyHosts", "nothing.invalid"); // the JDK default would exempt localhost
    for (int i = 0; i < more.length; i += 2) {
      p.setProperty(more[i], more[i + 1]);
    }
    return DiagnosticContext.builder().network(NetworkSettings.from(p)).timeout(Duration.ofSeconds(5))
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust()).build();
  }

  private static String get(OkHttpClient client, String url) throws IOException {
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code() + ":" + r.body().string().length();
    }
  }

  @Test
  void tunnelsThroughTheProxyWithItsCredentials() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 200, 10);
        MockProxy proxy = MockProxy.requiringAuth("alice", "s3cret")
            .map("localhost", new InetSocketAddress("127.0.0.1", idp.port())).start()) {
      OkHttpClient client = HttpClients.forContext(context(proxy, "https.proxyUser", "alice", "https.proxyPassword", "s3cret"));
      assertThat(get(client, idp.url("/token"))).isEqualTo("200:10");
      assertThat(proxy.requests()).allMatch(r -> r.startsWith("CONNECT localhost:" + idp.port()));
    }
  }

  @Test
  void proxyRefusalsSurfaceInsteadOfLooping() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 200, 10);
        MockProxy auth = MockProxy.requiringAuth("alice", "s3cret").start();
        MockProxy deny = MockProxy.denying().start()) {
      assertThatThrownBy(() -> get(HttpClients.forContext(context(auth, "https.proxyUser", "alice", "https.proxyPassword", "wrong")), idp.url("/")))
          .isInstanceOf(IOException.class);
      assertThat(auth.requests()).hasSizeLessThanOrEqualTo(3);
      assertThatThrownBy(() -> get(HttpClients.forContext(context(deny)), idp.url("/")))
          .isInstanceOf(IOException.class).hasMessageContaining("403");
      assertThat(idp.hits()).isZero();
    }
  }

  @Test
  void keepsNoConnectionOpenAfterTheCall() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 200, 10)) {
      DiagnosticContext ctx = DiagnosticContext.builder().network(NetworkSettings.direct())
          .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust()).build();
      OkHttpClient client = HttpClients.forContext(ctx);
      assertThat(get(client, idp.url("/token"))).isEqualTo("200:10");
      // a pooled idle connection (and, over HTTP/2, its reader thread) would outlive the diagnosis by minutes
      assertThat(client.connectionPool().connectionCount()).isZero();
    }
  }

  @Test
  void capsTheResponseBody() throws Exception {
    try (LocalHttpsServer big = LocalHttpsServer.start(TestCertificates.localhost(), 200, (int) HttpClients.MAX_BODY_BYTES + 10)) {
      DiagnosticContext ctx = DiagnosticContext.builder().network(NetworkSettings.direct())
          .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust()).build();
      assertThatThrownBy(() -> get(HttpClients.forContext(ctx), big.url("/")))
          .isInstanceOf(IOException.class).hasMessageContaining("larger than");
    }
  }

  @Test
  void jvmDefaultTrustRefusesTheTestCa() throws Exception {
    try (LocalHttpsServer idp = LocalHttpsServer.start(TestCertificates.localhost(), 200, 1)) {
      DiagnosticContext ctx = DiagnosticContext.builder().network(NetworkSettings.direct()).build();
      assertThatThrownBy(() -> get(HttpClients.forContext(ctx), idp.url("/")))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }
  }
}
