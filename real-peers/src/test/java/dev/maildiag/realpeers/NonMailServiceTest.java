package dev.maildiag.realpeers;

import org.junit.jupiter.api.Test;

/** Something other than a mail server on the configured port: a web server (the JDK's), plain and with TLS. */
class NonMailServiceTest {
  private static final String SUITE = "non-mail-service";

  @Test
  void webServerOnTheMailPort() {
    webServer(false, "none", "a web server on the IMAP port (plain)", "JDK HTTP server", "an HTTP server where IMAP is expected");
  }

  @Test
  void httpsServerOnTheMailPort() {
    webServer(true, "ssl", "an HTTPS server on the IMAPS port", "JDK HTTPS server", "an HTTPS server where IMAPS is expected");
  }

  private static void webServer(boolean https, String security, String name, String server, String broken) {
    try (TokenEndpoint web = TokenEndpoint.start(TokenEndpoint.Behaviour.ISSUES, https)) {
      int port = java.net.URI.create(web.url()).getPort();
      Cases.expect(SUITE, name, server, broken, "not-a-mail-server",
          Cases.mail("imap", "127.0.0.1", port, security, RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    }
  }
}
