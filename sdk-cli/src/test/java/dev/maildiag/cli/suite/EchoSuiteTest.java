package dev.maildiag.cli.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.maildiag.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers that echo what they received: for every route a secret takes (the XOAUTH2 token, a basic-auth
 * password over IMAP, POP3 and SMTP, the client secret and refresh token posted to the token endpoint, an
 * access token and a rotated refresh token the endpoint issued) and every protocol, the CLI runs with
 * {@code --debug} in both formats, and no piece of 12 characters of any secret, in any encoding a peer
 * may use, appears in stdout, stderr, the logs (slf4j at trace, java.util.logging at ALL). Runs with the
 * secrecy suite in its own JVM.
 */
class EchoSuiteTest {
  /** Pieces this long of a secret's forms must not appear anywhere. */
  static final int PIECE = 12;
  static final String ACCESS = "ECHOaccess-7Qm2xZ9pLk3Vb8Nw4Rt6Yh1Jd5Fg0Sa";
  static final String PASSWORD = "ECHOpassword-H4v9!Kq2@Lm7#";
  static final String CLIENT_SECRET = "ECHOsecret~Tq8Xv.Wn3Zp_Rk5Ly2Mj9Bc";
  static final String REFRESH = "ECHOrefresh.0.AQ4Gv7Hn2Km9Lp3Rs8Tu1Wx6Yz5Ab";
  static final String ISSUED = "ECHOissued-Ae3Bf7Cg1Dh5Ei9Fj2Gk6Hl0Im4Jn8Ko";
  static final String ROTATED = "ECHOrotated-Zq4Yr8Xs2Wt6Vu0Tv3Sw7Rx1Qy5Pz9";

  @TempDir Path dir;

  @BeforeAll
  static void runsInTheSecrecySuitesJvm() {
    assumeTrue(Boolean.getBoolean("maildiag.suite.secrecy"), "run by the pom's secrecy-suite execution (mvn verify)");
  }

  static Stream<Arguments> mailRoutes() {
    List<Arguments> all = new ArrayList<>();
    for (EchoPeer.Kind kind : List.of(EchoPeer.Kind.IMAP, EchoPeer.Kind.POP3, EchoPeer.Kind.SMTP)) {
      for (String format : List.of("json", "text")) {
        all.add(Arguments.of(kind, format));
      }
    }
    return all.stream();
  }

  /** The XOAUTH2 token and a basic-auth password, echoed by the mail server in every encoding. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("mailRoutes")
  void anEchoingMailServerShowsNoTokenAndNoPassword(EchoPeer.Kind kind, String format) throws Exception {
    try (EchoPeer mail = EchoPeer.start(kind)) {
      List<String> args = mailArgs(kind, mail.port(), format);
      args.addAll(List.of("--access-token-file", file("at", ACCESS), "--password-file", file("pw", PASSWORD)));
      String all = run(args);
      assertThat(mail.received()).as("the peer was asked to log in, so it had something to echo").isNotEmpty();
      assertNoSecret(all, ACCESS, PASSWORD);
    }
  }

  /** The client secret and refresh token, echoed by the token endpoint in every error field. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void anEchoingTokenEndpointShowsNoClientSecretAndNoRefreshToken(String format) throws Exception {
    try (EchoPeer mail = EchoPeer.start(EchoPeer.Kind.IMAP); EchoPeer idp = EchoPeer.start(EchoPeer.Kind.TOKEN_ENDPOINT)) {
      List<String> args = mailArgs(EchoPeer.Kind.IMAP, mail.port(), format);
      args.addAll(oauthArgs(idp.port()));
      String all = run(args);
      assertThat(idp.received()).as("the token endpoint was asked").isNotEmpty();
      assertNoSecret(all, CLIENT_SECRET, REFRESH);
    }
  }

  /** An access token and a rotated refresh token the endpoint issued, then echoed by the mail server. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void tokensIssuedDuringTheDiagnosisAreRedactedToo(String format) throws Exception {
    try (EchoPeer mail = EchoPeer.start(EchoPeer.Kind.IMAP);
        EchoPeer idp = EchoPeer.start(EchoPeer.Kind.TOKEN_ENDPOINT).answering("HTTP/1.1 200 OK\nContent-Type: application/json",
            "{\"access_token\":\"" + ISSUED + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + ROTATED
                + "\",\"scope\":\"https://outlook.office.com/IMAP.AccessAsUser.All\"}")) {
      List<String> args = mailArgs(EchoPeer.Kind.IMAP, mail.port(), format);
      args.addAll(oauthArgs(idp.port()));
      String all = run(args);
      assertThat(String.join("\n", mail.received())).as("the issued token was used").contains("AUTHENTICATE");
      assertNoSecret(all, CLIENT_SECRET, REFRESH, ISSUED, ROTATED);
    }
  }

  /**
   * A token endpoint that redirects: never followed (the other origin gets no request), and a redirect to a
   * host name built from the secret shows no secret.
   */
  @Test
  void aRedirectingTokenEndpointIsNotFollowedAndShowsNoSecret() throws Exception {
    try (EchoPeer mail = EchoPeer.start(EchoPeer.Kind.IMAP); EchoPeer other = EchoPeer.start(EchoPeer.Kind.TOKEN_ENDPOINT);
        EchoPeer idp = EchoPeer.start(EchoPeer.Kind.TOKEN_ENDPOINT)) {
      idp.answering("HTTP/1.1 307 Temporary Redirect\nLocation: http://127.0.0.1:" + other.port() + "/steal", "");
      List<String> args = mailArgs(EchoPeer.Kind.IMAP, mail.port(), "json");
      args.addAll(oauthArgs(idp.port()));
      String all = run(args);
      assertThat(other.connections()).as("the form with the secret was not re-posted to another origin").isZero();
      assertThat(all).contains("redirect");
      assertNoSecret(all, CLIENT_SECRET, REFRESH);

      idp.answering("HTTP/1.1 302 Found\nLocation: https://" + CLIENT_SECRET.toLowerCase().replaceAll("[^a-z0-9]", "")
          + ".evil.example/?client_secret=" + CLIENT_SECRET, "");
      String again = run(args);
      assertNoSecret(again, CLIENT_SECRET, REFRESH);
      assertThat(again).doesNotContain(CLIENT_SECRET.toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, PIECE));
    }
  }

  static Stream<String> formats() {
    return Stream.of("json", "text");
  }

  private List<String> mailArgs(EchoPeer.Kind kind, int port, String format) {
    return new ArrayList<>(List.of("check", "--protocol", kind.name().toLowerCase(), "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--security", "none", "--login", "user@example.test", "--timeout", "3", "--deadline", "20",
        "--format", format, "--debug"));
  }

  private List<String> oauthArgs(int port) throws Exception {
    return new ArrayList<>(List.of("--provider", "microsoft", "--tenant", "contoso.onmicrosoft.com", "--client-id",
        "11111111-2222-3333-4444-555555555555", "--token-endpoint", "http://127.0.0.1:" + port + "/token",
        "--client-secret-file", file("cs", CLIENT_SECRET), "--refresh-token-file", file("rt", REFRESH),
        "--scopes", "https://outlook.office.com/IMAP.AccessAsUser.All offline_access"));
  }

  private String file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content + "\n");
    return p.toString();
  }

  /** Runs the CLI in-process; everything it and the libraries print, with the logs. */
  private static String run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String logs;
    // the CLI sets slf4j-simple's level for --debug; the secrecy suite in this JVM checks it is still at trace
    String level = System.getProperty("org.slf4j.simpleLogger.defaultLogLevel");
    try (Capture capture = Capture.start()) {
      Main.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
      logs = capture.text();
    } finally {
      if (level != null) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
      }
    }
    assertThat(out.toString()).as("a report was printed").isNotBlank();
    return "STDOUT\n" + out + "\nSTDERR\n" + err + "\nLOGS\n" + logs;
  }

  /** No piece of {@value #PIECE} characters of any secret, in any encoding, in {@code text}. */
  static void assertNoSecret(String text, String... secrets) {
    List<String> leaks = new ArrayList<>();
    for (String secret : secrets) {
      forms(secret).forEach((form, label) -> {
        for (int i = 0; i + PIECE <= form.length(); i++) {
          String piece = form.substring(i, i + PIECE);
          int at = text.indexOf(piece);
          if (at >= 0) {
            String section = text.lastIndexOf("\nLOGS\n", at) >= 0 ? "logs" : text.lastIndexOf("\nSTDERR\n", at) >= 0 ? "stderr" : "stdout";
            leaks.add(label + " piece at " + i + " in " + section + " near: "
                + text.substring(Math.max(0, text.lastIndexOf("\n", at) - 200), Math.min(text.length(), at + 60)).replace(secret, "<SECRET>"));
            return;
          }
        }
      });
    }
    assertThat(leaks).isEmpty();
  }

  /** The secret as is, URL-encoded, JSON-escaped and in Base64 at each of the three offsets (the stable part). */
  static Map<String, String> forms(String secret) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put(secret, "plain");
    forms.put(URLEncoder.encode(secret, StandardCharsets.UTF_8), "URL-encoded");
    forms.put(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"), "JSON-escaped");
    for (int pad = 0; pad < 3; pad++) {
      String b64 = Base64.getEncoder().encodeToString(("x".repeat(pad) + secret).getBytes(StandardCharsets.UTF_8));
      String stable = b64.substring(pad == 0 ? 0 : pad + 1, b64.length() - 4);
      forms.put(stable, "Base64 at offset " + pad);
      forms.put(URLEncoder.encode(stable, StandardCharsets.UTF_8), "URL-encoded Base64 at offset " + pad);
    }
    return forms;
  }
}
