package dev.maildiag.realpeers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logins against a real Dovecot over IMAP, POP3 and submission: healthy with implicit TLS and STARTTLS, and
 * every kind of token it refuses. Dovecot refuses them all alike (the SASL error exchange, then
 * {@code NO [AUTHENTICATIONFAILED]}, {@code -ERR [AUTH]} or {@code 535 5.7.8}); the token's claims tell them apart.
 */
class DovecotLoginTest {
  private static final String SUITE = "dovecot-login";
  private static RealDovecot dovecot;

  @BeforeAll
  static void start() {
    Cases.assumeAvailable(SUITE, RealDovecot.unavailable());
    dovecot = RealDovecot.start(Cases.work("dovecot-login"), RealDovecot.Setup.standard().withWorkingRelay());
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void freshServer() {
    dovecot.forgetFailures(); // each case meets a server that has not seen the others' failures
  }

  /** protocol, security, port, label */
  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("imap", "ssl", (Function<RealDovecot, Integer>) RealDovecot::imapsPort, "IMAPS"),
        Arguments.of("imap", "starttls", (Function<RealDovecot, Integer>) RealDovecot::imapPort, "IMAP+STARTTLS"),
        Arguments.of("pop3", "ssl", (Function<RealDovecot, Integer>) RealDovecot::pop3sPort, "POP3S"),
        Arguments.of("pop3", "starttls", (Function<RealDovecot, Integer>) RealDovecot::pop3Port, "POP3+STLS"),
        Arguments.of("smtp", "starttls", (Function<RealDovecot, Integer>) RealDovecot::submissionPort, "submission+STARTTLS"));
  }

  @ParameterizedTest(name = "healthy {3}")
  @MethodSource("endpoints")
  void healthy(String protocol, String security, Function<RealDovecot, Integer> port, String label) {
    long logFrom = dovecot.logLength();
    Cases.expect(SUITE, "healthy " + label, RealDovecot.version() + " " + label, "nothing", Cases.HEALTHY,
        Cases.mail(protocol, dovecot.host(), port.apply(dovecot), security, RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    // what the server saw: one login per diagnosis (the README's promise), and how many connections never logged in
    Loopback.sleep(300); // Dovecot writes the disconnect line after the client has gone
    String log = dovecot.logSince(logFrom);
    long logins = log.lines().filter(l -> l.contains("-login: Info: Login: ")).count();
    long withoutLogin = log.lines().filter(l -> l.contains("-login: Info: Disconnected") && l.contains("no auth attempts")).count();
    RealPeersTable.note("Healthy " + label + ": Dovecot logged " + logins + " login(s) and " + withoutLogin
        + " connection(s) that ended without authenticating for one diagnosis");
    assertThat(logins).as("logins Dovecot saw for one diagnosis over " + label).isEqualTo(1);
    assertThat(withoutLogin).as("connections that never logged in, for one diagnosis over " + label).isZero();
  }

  /** what is wrong with the token, the token, the root cause to name first */
  static Stream<Arguments> refusals() {
    String u = RealDovecot.USER;
    List<Arguments> tokens = List.of(
        Arguments.of("expired token", Jwts.expired(u), "access-token-expired"),
        Arguments.of("not-yet-valid token (nbf in an hour)", Jwts.notYetValid(u), "access-token-invalid"),
        Arguments.of("token of another user", Jwts.valid("bob@example.test"), "wrong-user-authorized"),
        Arguments.of("badly signed token", Jwts.badlySigned(u), "access-token-invalid"),
        Arguments.of("token naming an unknown signing key (kid)", Jwts.unknownKey(u), "access-token-invalid"),
        Arguments.of("garbage token (not a JWT)", Jwts.garbage(), "access-token-invalid"));
    return Stream.of(new String[][] {{"imap", "IMAPS"}, {"pop3", "POP3S"}, {"smtp", "submission+STARTTLS"}})
        .flatMap(p -> tokens.stream().map(t -> Arguments.of(p[0], p[1], t.get()[0], t.get()[1], t.get()[2])));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("refusals")
  void refused(String protocol, String label, String broken, String token, String expected) {
    int port = switch (protocol) {
      case "imap" -> dovecot.imapsPort();
      case "pop3" -> dovecot.pop3sPort();
      default -> dovecot.submissionPort();
    };
    String security = protocol.equals("smtp") ? "starttls" : "ssl";
    Cases.expect(SUITE, label + ": " + broken, RealDovecot.version() + " " + label, broken, expected,
        Cases.mail(protocol, dovecot.host(), port, security, RealDovecot.USER, token));
  }
}
