package dev.maildiag.realpeers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A handler that refreshes its token (refresh token, client id and secret) before logging in to a real Dovecot:
 * identity-provider trouble must be named as identity trouble, never as a mail cause.
 */
class TokenEndpointTest {
  private static final String SUITE = "token-endpoint";
  private static RealDovecot dovecot;

  @BeforeAll
  static void start() {
    Cases.assumeAvailable(SUITE, RealDovecot.unavailable());
    dovecot = RealDovecot.start(Cases.work("token-dovecot"), RealDovecot.Setup.standard());
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  private static List<String> refreshing(TokenEndpoint endpoint) {
    List<String> args = new ArrayList<>(Cases.mail("imap", dovecot.host(), dovecot.imapsPort(), "ssl", RealDovecot.USER, null));
    args.addAll(List.of("--client-id", "real-peers-app", "--client-secret-file", Cases.tokenFile("client-secret-1").toString(),
        "--refresh-token-file", Cases.tokenFile("refresh-token-1").toString(), "--token-endpoint", endpoint.url()));
    return args;
  }

  private static void expect(String name, TokenEndpoint.Behaviour behaviour, boolean https, String broken, String expected) {
    try (TokenEndpoint endpoint = TokenEndpoint.start(behaviour, https)) {
      Cases.expect(SUITE, name, "JDK HTTP" + (https ? "S" : "") + " server as token endpoint, " + RealDovecot.version() + " IMAPS",
          broken, expected, refreshing(endpoint));
    }
  }

  @Test
  void issues() {
    expect("token endpoint issues a token", TokenEndpoint.Behaviour.ISSUES, true, "nothing", Cases.HEALTHY);
  }

  @Test
  void refuses() {
    expect("token endpoint refuses the refresh token", TokenEndpoint.Behaviour.REFUSES, true, "400 invalid_grant",
        "refresh-token-invalid");
  }

  @Test
  void errsWithHtml() {
    expect("token endpoint fails with HTTP 500 and an HTML page", TokenEndpoint.Behaviour.ERRS_HTML, true,
        "the identity provider fails on its side", "server-failure");
  }

  @Test
  void silent() {
    expect("token endpoint never answers", TokenEndpoint.Behaviour.SILENT, true, "the identity provider takes the request and hangs",
        "network-blocked");
  }

  @Test
  void plainHttp() {
    expect("token endpoint on plain http://", TokenEndpoint.Behaviour.ISSUES, false,
        "the token endpoint URL is http://127.0.0.1 (secrets travel unencrypted)", "invalid-configuration");
  }
}
