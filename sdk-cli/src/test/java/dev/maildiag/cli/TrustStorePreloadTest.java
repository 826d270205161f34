package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.testkit.tls.TestCa;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStorePreloadTest {
  @TempDir Path dir;
  private MockMailServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theStoreOpenedWhileTheParserStartsIsTheOneTheSettingsGet() throws Exception {
    Path store = Files.copy(TestCa.get().trustStoreFile(), dir.resolve("trust.p12"));
    TrustStorePreload.start(new String[] {"check", "-Djavax.net.ssl.trustStore=" + store,
        "-D", "javax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD});
    Properties same = properties(store, TestCa.TRUST_STORE_PASSWORD);

    Optional<TlsTrust> first = TrustStorePreload.trust(same);
    assertThat(first).isPresent();
    assertThat(first.get().trustManager().getAcceptedIssuers()).contains(TestCa.get().certificate());
    assertThat(first.get().description()).isEqualTo(store + " (javax.net.ssl.trustStore)");
    TrustStorePreload.confirm();
    Files.delete(store);

    // read once, on the preloading thread: the settings did not open the (now deleted) file again
    assertThat(TrustStorePreload.trust(same)).containsSame(first.get());
    assertThat(TrustStorePreload.read()).isCompleted();
  }

  @Test
  void otherSettingsReadTheirOwnStore() throws Exception {
    Path store = Files.copy(TestCa.get().trustStoreFile(), dir.resolve("trust.p12"));
    TrustStorePreload.start(new String[] {"check", "-Djavax.net.ssl.trustStore=" + store,
        "-Djavax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD});

    assertThatThrownBy(() -> TrustStorePreload.trust(properties(store, "not-the-password")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the trust store " + store);
  }

  @Test
  void aStoreThatCannotBeReadFailsItsCertificateChecksAndTheConfirmationAsWhenReadDirectly() {
    Path missing = dir.resolve("missing.p12");
    TrustStorePreload.start(new String[] {"check", "-Djavax.net.ssl.trustStore=" + missing});

    Optional<TlsTrust> trust = TrustStorePreload.trust(properties(missing, null));

    assertThat(trust).isPresent();
    assertThatThrownBy(() -> trust.get().trustManager().checkServerTrusted(new X509Certificate[] {TestCa.get().certificate()}, "EC"))
        .isInstanceOf(CertificateException.class).hasMessage("the trust store could not be read")
        .hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(trust.get().trustManager().getAcceptedIssuers()).isEmpty();
    assertThatThrownBy(TrustStorePreload::confirm)
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the trust store " + missing);
    assertThat(TrustStorePreload.read()).isCompletedExceptionally();
  }

  @Test
  void withoutAStoreOnTheCommandLineNothingIsWaitedFor() {
    TrustStorePreload.start(new String[] {"check", "--host", "imap.example.com"});

    assertThat(TrustStorePreload.read()).isCompleted();
    TrustStorePreload.confirm();
  }

  @Test
  void aHandshakeGoesAsFarAsTheServersCertificateBeforeTheStoreIsReadThenChecksItWithTheStore() throws Exception {
    server = MockMailServer.imap().tls(TestCertificates.localhost()).start();
    CountDownLatch asked = new CountDownLatch(1);
    CompletableFuture<TlsTrust> store = new CompletableFuture<>();
    TlsTrust trust = TlsTrust.reading("a store being read", () -> {
      asked.countDown();
      return store.join();
    });

    CompletableFuture<String> handshake = CompletableFuture.supplyAsync(() -> {
      try (SSLSocket socket = (SSLSocket) trust.socketFactory().createSocket(server.host(), server.port())) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket.getSession().getProtocol();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    assertThat(asked.await(10, TimeUnit.SECONDS)).as("the handshake reached the certificate check").isTrue();
    assertThat(handshake).isNotDone();
    store.complete(TlsTrust.of(TestCa.get().trustStore(), "the test CA"));
    assertThat(handshake.get(10, TimeUnit.SECONDS)).startsWith("TLS");
  }

  @Test
  void aHandshakeWithAStoreThatCannotBeReadFailsOnTheCertificate() {
    server = MockMailServer.imap().tls(TestCertificates.localhost()).start();
    TlsTrust trust = TlsTrust.reading("a store that cannot be read", () -> {
      throw new IllegalArgumentException("cannot read the trust store x.p12");
    });

    assertThatThrownBy(() -> {
      try (SSLSocket socket = (SSLSocket) trust.socketFactory().createSocket(server.host(), server.port())) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
      }
    }).isInstanceOf(SSLHandshakeException.class).hasRootCauseMessage("cannot read the trust store x.p12");
  }

  private static Properties properties(Path store, String password) {
    Properties p = new Properties();
    p.putAll(System.getProperties());
    p.setProperty("javax.net.ssl.trustStore", store.toString());
    if (password != null) {
      p.setProperty("javax.net.ssl.trustStorePassword", password);
    }
    return p;
  }
}
