package dev.maildiag.realpeers;

import org.junit.jupiter.api.Test;

/** Something other than a mail server on the configured port: a web server (the JDK's), plain and with TLS. */
class NonMailServiceTest {
  private static final String SUITE = "non-mail-service";

  @Test
  void webServerOnTheMailPort() {
    try (TokenEndpoint web = TokenEndpoint.start(TokenEndpoint.Behaviour.ISSUES, false)) {
      int port = java.net.URI.create(web.url()).getPort();
      Cases.expect(SUITE, "a web server on the IMAP port (plain)", "JDK HTTP server", "an HTTP server where IMAP is expected",
          "not-a-mail-server", Cases.mail("imap", "127.0.0.1", port, "none", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    }
  }

  @Test
  void httpsServerOnTheMailPort() {
    try (TokenEndpoint web = TokenEndpoint.start(TokenEndpoint.Behaviour.ISSUES, true)) {
      int port = java.net.URI.create(web.url()).getPort();
      Cases.expect(SUITE, "an HTTPS server on the IMAPS port", "JDK HTTPS server", "an HTTPS server where IMAPS is expected",
          "not-a-mail-server", Cases.mail("imap", "127.0.0.1", port, "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    }
  }
}
