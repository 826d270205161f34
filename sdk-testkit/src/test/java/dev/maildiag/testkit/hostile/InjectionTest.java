package dev.maildiag.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.testkit.mail.MockMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CR, LF, CRLF and NUL in every value a diagnosis sends (login, mailbox, folder, password, access token, and
 * the client id and tenant of the token request), against recording IMAP, POP3 and SMTP servers: the
 * configuration check refuses the value, the live checks never connect, and the server receives nothing.
 * With the configuration checks left out by the embedder, the login itself refuses the value: the server
 * then sees at most the read-only commands before the login, never a command made of the injected text.
 */
class InjectionTest {
  /** What a value smuggles in after its line break: a command that would delete mail if a server ran it. */
  private static final String INJECTED = "XINJ1 DELE 1";
  private static final List<String> BREAKS = List.of("\r\n", "\n", "\r", "\u0000");
  /** Commands that only read (the pre-login ones, the probes' own). */
  private static final Set<String> READ_ONLY = Set.of("CAPABILITY", "CAPA", "EHLO", "HELO", "NOOP", "STARTTLS", "STLS",
      "LOGOUT", "QUIT", "ID");

  record Field(String name, BiFunction<DiagnosticContext.Builder, String, DiagnosticContext.Builder> set) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Field> FIELDS = List.of(
      new Field("login", (b, v) -> b.login("user@example.test" + v)),
      new Field("mailbox", (b, v) -> b.mailbox("shared@example.test" + v)),
      new Field("folder", (b, v) -> b.folder("INBOX" + v)),
      new Field("password", (b, v) -> b.password(Secret.of("pass-word-1" + v))),
      new Field("access token", (b, v) -> b.accessToken(Secret.of("access-token-1" + v))),
      new Field("client id", (b, v) -> b.clientId("client-1" + v).tokenEndpoint("https://127.0.0.1:9/token")
          .refreshToken(Secret.of("refresh-token-1"))),
      new Field("tenant", (b, v) -> b.tenant("contoso" + v)));

  static Stream<Arguments> injections() {
    List<Arguments> all = new ArrayList<>();
    for (Protocol protocol : Protocol.values()) {
      for (Field field : FIELDS) {
        for (String br : BREAKS) {
          all.add(Arguments.of(protocol, field, br));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("injections")
  void aControlCharacterInAnyFieldNeverReachesTheServer(Protocol protocol, Field field, String br) {
    String shown = br.replace("\r", "CR").replace("\n", "LF").replace("\u0000", "NUL");
    try (MockMailServer server = server(protocol)) {
      DiagnosticContext.Builder b = server.context().accessToken(Secret.of("access-token-0")).password(Secret.of("pass-word-0"))
          .timeout(Duration.ofSeconds(2));
      DiagnosticContext context = field.set().apply(b, br + INJECTED).build();

      Report report = Maildiag.create().diagnose(context);

      assertThat(report.verdict()).as("%s in the %s", shown, field).isEqualTo(Verdict.ERROR);
      assertThat(report.finding("config.values")).as("%s in the %s", shown, field).get()
          .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
      assertThat(server.commands()).as("%s in the %s: the server received nothing%n%s", shown, field, TextReport.write(report))
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("injections")
  void withTheConfigurationChecksLeftOutTheLoginStillRefusesTheValue(Protocol protocol, Field field, String br) {
    String shown = br.replace("\r", "CR").replace("\n", "LF").replace("\u0000", "NUL");
    try (MockMailServer server = server(protocol)) {
      DiagnosticContext.Builder b = server.context().accessToken(Secret.of("access-token-0")).password(Secret.of("pass-word-0"))
          .timeout(Duration.ofSeconds(2));
      DiagnosticContext context = field.set().apply(b, br + INJECTED).build();

      Report report = Maildiag.builder().exclude("config.values").exclude("config.addresses").build().diagnose(context);

      List<String> commands = server.commands();
      assertThat(commands).as("%s in the %s: nothing injected arrived%n%s", shown, field, TextReport.write(report))
          .noneMatch(c -> c.contains("XINJ") || c.contains("DELE"));
      assertThat(server.verbs()).as("%s in the %s: only read-only commands before the (refused) login", shown, field)
          .allMatch(READ_ONLY::contains);
      assertThat(report.verdict()).isNotEqualTo(Verdict.OK);
    }
  }

  private static MockMailServer server(Protocol protocol) {
    MockMailServer server = switch (protocol) {
      case IMAP -> MockMailServer.imap();
      case POP3 -> MockMailServer.pop3();
      case SMTP -> MockMailServer.smtp();
    };
    return server.start();
  }
}
