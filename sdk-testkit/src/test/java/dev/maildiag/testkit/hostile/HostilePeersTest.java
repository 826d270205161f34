package dev.maildiag.testkit.hostile;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.mail.MockMailServer.Hostility;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.ServerCertificate;
import dev.maildiag.testkit.tls.TestCertificates;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile peers: a table of mail servers and token endpoints that misbehave. Each diagnosis must end in a
 * clear finding (an ERROR or WARNING of a live check, never "failed unexpectedly") within 1.5x its time
 * limit plus a margin for a loaded machine, with heap growth well under the hostile payload, and no stack
 * trace in the report.
 */
class HostilePeersTest {
  static final Duration STEP = Duration.ofSeconds(1);
  static final Timeouts TIMEOUTS = Timeouts.ofStep(STEP);
  /** 1.5x the check's limit, plus a second for a loaded CI machine (two cores shared by several builds). */
  static final Duration BOUND = Duration.ofMillis(TIMEOUTS.check().toMillis() * 3 / 2 + 1000);
  private static final Secret TOKEN = Secret.of("hostile-access-token");
  private static final long MB = 1024 * 1024;

  /** Starts the hostile peer and returns the context of a handler configured against it. */
  interface Setup {
    Target start() throws Exception;
  }

  record Target(DiagnosticContext context, AutoCloseable... servers) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      for (AutoCloseable s : servers) {
        s.close();
      }
    }
  }

  /**
   * @param expectedCheck the check that must give the finding, or null for any live check
   * @param rootCauses acceptable root causes of that finding, or empty for any
   * @param severities acceptable severities of that finding
   */
  record Case(String name, Setup setup, String expectedCheck, Set<String> rootCauses, Set<Severity> severities) {
    Case(String name, Setup setup, String expectedCheck, Set<String> rootCauses) {
      this(name, setup, expectedCheck, rootCauses, Set.of(Severity.ERROR, Severity.WARNING));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> peers() {
    String tls = "tls.handshake";
    Set<String> certificate = Set.of(RootCause.TLS_CERTIFICATE);
    Set<String> tlsMode = Set.of(RootCause.TLS_MODE_MISMATCH, RootCause.NOT_A_MAIL_SERVER);
    List<Case> cases = List.of(
        new Case("silence", () -> mail(MockMailServer.imap().hostile(Hostility.SILENT)), null, Set.of()),
        new Case("one byte per second", () -> mail(MockMailServer.imap().hostile(Hostility.TRICKLE)), null, Set.of()),
        new Case("endless line", () -> rawMail(HostilePeer.longLine(512 * MB, false)), null, Set.of()),
        new Case("10 MB greeting", () -> rawMail(HostilePeer.longLine(10 * MB, true)), null, Set.of()),
        new Case("binary garbage", () -> mail(MockMailServer.imap().hostile(Hostility.GARBAGE)), null, Set.of()),
        new Case("reset on connect", () -> mail(MockMailServer.imap().hostile(Hostility.DROP)), null, Set.of()),
        new Case("reset at CAPABILITY", () -> mail(MockMailServer.imap().tls(TestCertificates.localhost()).resetOn("CAPABILITY")), null, Set.of()),
        new Case("reset during AUTHENTICATE", () -> mail(MockMailServer.imap().tls(TestCertificates.localhost()).resetOn("AUTHENTICATE")), null, Set.of()),
        new Case("reset at EXAMINE", () -> mail(MockMailServer.imap().tls(TestCertificates.localhost()).resetOn("EXAMINE").resetOn("SELECT")), null, Set.of()),
        new Case("TLS on a plaintext port", () -> mail(MockMailServer.imap().tls(TestCertificates.localhost()), Security.NONE), null, tlsMode),
        new Case("plaintext on a TLS port", () -> mail(MockMailServer.imap(), Security.SSL), null, tlsMode),
        new Case("expired certificate", () -> mail(MockMailServer.imap().tls(TestCertificates.expired())), tls, certificate),
        new Case("self-signed certificate", () -> mail(MockMailServer.imap().tls(selfSigned())), tls, certificate),
        new Case("wrong-host certificate", () -> mail(MockMailServer.imap().tls(TestCertificates.wrongHost())), tls, certificate),
        new Case("HTTP 500 with an HTML body", () -> token(HostilePeer.http(
            "HTTP/1.1 500 Internal Server Error\nContent-Type: text/html\nContent-Length: 61\n",
            "<html><body><h1>500</h1>Internal error, try later</body></html>".substring(0, 61).getBytes(StandardCharsets.UTF_8), 61)),
            "oauth.token", Set.of()),
        new Case("redirect loop", () -> token(HostilePeer.http("HTTP/1.1 307 Temporary Redirect\nLocation: /token\nContent-Length: 0\n", new byte[1], 0)),
            "oauth.token", Set.of()),
        new Case("50 MB token response", () -> token(HostilePeer.http(
            "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: " + (50 * MB + 20) + "\n",
            ("{\"access_token\":\"" + "a".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8), 50 * MB)),
            "oauth.token", Set.of()),
        new Case("malformed JSON", () -> token(json("{\"access_token\": \"abc\", \"token_type\": ")), "oauth.token", Set.of()),
        new Case("malformed JWT", () -> token(json("{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOi%%%.sig\",\"token_type\":\"Bearer\",\"expires_in\":3600}")),
            // a token that looks like a JWT but is not one is read as opaque: told, not a crash
            "oauth.claims", Set.of(), Set.of(Severity.INFO, Severity.WARNING)));
    return cases.stream().map(c -> Arguments.of(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peers")
  void endsInAClearFindingInTimeWithBoundedMemory(Case c) throws Exception {
    try (Target target = c.setup().start()) {
      Maildiag maildiag = Maildiag.create();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
      System.gc();
      long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long sentBefore = HostilePeer.bytesSent();

      long t0 = System.nanoTime();
      Report report = maildiag.diagnose(target.context());
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      long growth = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
      long sent = HostilePeer.bytesSent() - sentBefore;
      String text = TextReport.write(report);
      String json = ReportJson.write(report);

      assertThat(took).as("%s: time to a verdict%n%s", c, text).isLessThanOrEqualTo(BOUND);
      assertThat(report.findings()).as("%s: no check failed unexpectedly%n%s", c, text)
          .noneMatch(f -> f.summary().startsWith("The check failed unexpectedly"));
      List<Finding> problems = report.findings().stream()
          .filter(f -> c.severities().contains(f.severity()))
          .filter(f -> !f.checkId().startsWith("config."))
          .filter(f -> c.expectedCheck() == null || f.checkId().equals(c.expectedCheck()))
          .toList();
      assertThat(problems).as("%s: a live check names the problem%n%s", c, text).isNotEmpty();
      if (!c.rootCauses().isEmpty()) {
        assertThat(problems).as("%s: root cause%n%s", c, text)
            .anyMatch(f -> c.rootCauses().contains(f.rootCause()) || f.candidates().stream().anyMatch(k -> c.rootCauses().contains(k.rootCause())));
      }
      assertThat(text + json).as("%s: no stack trace in the report", c).doesNotContain("\tat ").doesNotContainPattern("at [a-z]+\\.[a-z.]+\\.[A-Z]\\w*\\.\\w+\\(");
      assertThat(growth).as("%s: heap growth %d MB for %d MB of hostile payload", c, growth / MB, sent / MB)
          .isLessThan(sent / 2 + 48 * MB);
    }
  }

  private static Target mail(MockMailServer server) {
    server.start();
    return new Target(server.context().accessToken(TOKEN).timeouts(TIMEOUTS).build(), server);
  }

  private static Target mail(MockMailServer server, Security configured) {
    server.start();
    return new Target(server.context().security(configured).accessToken(TOKEN).timeouts(TIMEOUTS).build(), server);
  }

  private static Target rawMail(HostilePeer.Behaviour behaviour) throws Exception {
    HostilePeer peer = HostilePeer.start(behaviour);
    return new Target(DiagnosticContext.builder().protocol(Protocol.IMAP).host("127.0.0.1").port(peer.port()).security(Security.NONE)
        .login("user@example.test").accessToken(TOKEN).network(NetworkSettings.direct())
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust()).timeouts(TIMEOUTS).build(), peer);
  }

  /** A healthy mail server, and a token endpoint that misbehaves. */
  private static Target token(HostilePeer.Behaviour behaviour) throws Exception {
    HostilePeer endpoint = HostilePeer.startTls(TestCertificates.localhost(), behaviour);
    MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).start();
    DiagnosticContext context = imap.context()
        .tokenEndpoint("https://127.0.0.1:" + endpoint.port() + "/token")
        .clientId("hostile-client").clientSecret(Secret.of("hostile-client-secret")).refreshToken(Secret.of("hostile-refresh-token"))
        .scope("https://outlook.office365.com/IMAP.AccessAsUser.All")
        .timeouts(TIMEOUTS).build();
    return new Target(context, endpoint, imap);
  }

  private static HostilePeer.Behaviour json(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HostilePeer.http("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: " + bytes.length + "\n", bytes, bytes.length);
  }

  /** A certificate for localhost that no trusted CA issued. */
  static ServerCertificate selfSigned() throws Exception {
    char[] password = "changeit".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = HostilePeersTest.class.getResourceAsStream("self-signed.p12")) {
      store.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    return new ServerCertificate(ssl, (X509Certificate) store.getCertificate("server"));
  }

}
