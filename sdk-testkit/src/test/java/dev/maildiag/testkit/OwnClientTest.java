package dev.maildiag.testkit;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.testkit.google.GoogleSimulation;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import dev.maildiag.testkit.tls.TestCa;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test's own clients (plain Angus Mail, the JDK's HttpClient) need nothing but the simulation's public API. */
class OwnClientTest {
  static Stream<Arguments> healthy() {
    Supplier<Simulation> microsoft = () -> Microsoft365Simulation.healthy().start();
    Supplier<Simulation> google = () -> GoogleSimulation.start(Scenario.HEALTHY);
    return Stream.of(Arguments.of("microsoft", microsoft), Arguments.of("google", google));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthy")
  void anOwnAngusMailClientLogsInWithTheAccessTokenAndTheTestCa(String provider, Supplier<Simulation> start) throws Exception {
    try (Simulation simulation = start.get()) {
      try (Store store = imapStore(simulation)) {
        connect(store, simulation);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isPositive();
        inbox.close(false);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("healthy")
  void theTokenEndpointIsHttpsTrustedThroughTheTestCa(String provider, Supplier<Simulation> start) throws Exception {
    try (Simulation simulation = start.get()) {
      DiagnosticContext c = simulation.context();
      assertThat(c.oauth().tokenEndpoint()).startsWith("https://");
      HttpClient http = HttpClient.newBuilder().sslContext(simulation.testCa().sslContext()).build();
      String form = "grant_type=refresh_token&client_id=" + c.oauth().clientId()
          + "&client_secret=" + c.oauth().clientSecret().reveal() + "&refresh_token=" + c.tokens().refreshToken().reveal();
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(c.oauth().tokenEndpoint()))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains(simulation.accessToken().orElseThrow().reveal());
    }
  }

  @Test
  void aFailureModeFailsTheOwnClientLikeTheRealServer() throws Exception {
    try (Microsoft365Simulation m365 = Microsoft365Simulation.failing("protocol-disabled").start(); Store store = imapStore(m365)) {
      assertThatThrownBy(() -> connect(store, m365))
          .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("AUTHENTICATE failed");
    }
  }

  @Test
  void theTestCaComesAsPemAndAsATrustStoreFileWithTheDocumentedPassword() throws Exception {
    TestCa ca = TestCa.get();
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    assertThat(x509.generateCertificate(new ByteArrayInputStream(ca.pem().getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(ca.certificate());
    KeyStore store = KeyStore.getInstance(TestCa.TRUST_STORE_TYPE);
    try (InputStream in = Files.newInputStream(ca.trustStoreFile())) {
      store.load(in, TestCa.TRUST_STORE_PASSWORD.toCharArray());
    }
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.getCertificate(store.aliases().nextElement())).isEqualTo(ca.certificate());
    assertThat(ca.certificate().getSubjectX500Principal().getName()).contains("CN=maildiag test CA");
  }

  private static Store imapStore(Simulation simulation) throws Exception {
    assertThat(simulation.context().server().protocol()).isEqualTo(Protocol.IMAP);
    Properties props = new Properties();
    props.put("mail.imaps.auth.mechanisms", "XOAUTH2");
    props.put("mail.imaps.ssl.socketFactory", simulation.testCa().socketFactory());
    props.put("mail.imaps.ssl.checkserveridentity", "true");
    props.put("mail.imaps.connectiontimeout", "5000");
    props.put("mail.imaps.timeout", "5000");
    return Session.getInstance(props).getStore("imaps");
  }

  private static void connect(Store store, Simulation simulation) throws Exception {
    DiagnosticContext.MailServer server = simulation.context().server();
    store.connect(server.host(), server.effectivePort(), server.login(), simulation.accessToken().orElseThrow().reveal());
  }
}
