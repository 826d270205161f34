package dev.maildiag.api.internal.explain;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.Signature;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericSignaturesTest {
  static final GenericSignatures TABLE = new GenericSignatures();

  static String top(String text) {
    List<Candidate> c = TABLE.interpret(Observation.ofText(text));
    return c.isEmpty() ? null : c.get(0).rootCause();
  }

  @Test
  void isWellFormed() {
    assertThat(TABLE.problems()).isEmpty();
  }

  @Test
  void recognisesTheSignalNotTheExactString() {
    assertThat(top("Caused by: java.net.UnknownHostException: imap.example.org")).isEqualTo(RootCause.DNS_FAILURE);
    assertThat(top("getaddrinfo ENOTFOUND smtp.example.org")).isEqualTo(RootCause.DNS_FAILURE);
    assertThat(top("java.net.ConnectException: Connection refused: connect")).isEqualTo(RootCause.NETWORK_BLOCKED);
    assertThat(top("java.net.SocketTimeoutException: connect timed out")).isEqualTo(RootCause.NETWORK_BLOCKED);
    assertThat(top("java.net.SocketTimeoutException: Read timed out")).isEqualTo(RootCause.INBOX_FLOODED);
    assertThat(top("Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\"")).isEqualTo(RootCause.PROXY_BLOCKING);
    assertThat(top("PKIX path building failed: unable to find valid certification path to requested target")).isEqualTo(RootCause.TLS_CERTIFICATE);
    assertThat(top("javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching x found")).isEqualTo(RootCause.TLS_CERTIFICATE);
    assertThat(top("javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?")).isEqualTo(RootCause.TLS_MODE_MISMATCH);
    assertThat(top("Protocol error. Connection is closed. 10")).isEqualTo(RootCause.POP_OAUTH_FORMAT);
    assertThat(top("{\"error\":\"invalid_grant\"}")).isEqualTo(RootCause.REFRESH_TOKEN_INVALID);
  }

  @Test
  void jiraLogLinesAreRead() {
    assertThat(TABLE.interpret(Observation.ofText("OAuth token not defined for connection. OAuth Authorisation required")))
        .extracting(Candidate::rootCause)
        .containsSubsequence(RootCause.INBOX_FOLDER_MISSING, RootCause.MULTI_CHANNEL_BETA, RootCause.SESSION_STICKINESS);
    assertThat(top("Exception when MailPullerWorker pulls emails: MailConnectionException: OAuth token not defined for connection. "
        + "OAuth Authorisation required.")).isEqualTo(RootCause.MULTI_CHANNEL_BETA);
  }

  @Test
  void aRefreshTokenExpiryIsNotAnAccessTokenExpiry() {
    assertThat(TABLE.interpret(Observation.ofText("The refresh token has expired due to inactivity")))
        .extracting(Candidate::rootCause).containsExactly(RootCause.REFRESH_TOKEN_INVALID);
  }

  @Test
  void unknownTextsGiveNothing() {
    assertThat(TABLE.interpret(Observation.ofText("The quick brown fox"))).isEmpty();
  }

  @Test
  void keywordsShorterThanThreeCharactersAreRefused() {
    assertThatThrownBy(() -> Signature.anyOf("ab").says("x").cause(RootCause.SCOPES, 0.5).source("https://example.org"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void redactionBlanksTokensButKeepsTheMessage() {
    String line = "AUTHENTICATE XOAUTH2 dXNlcj1hQGIuY29tAWF1dGg9QmVhcmVyIHh4eHgBAQ== failed; refresh_token=0.ARsecret&x=1 "
        + "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwcyJ9.c2lnbmF0dXJl";
    String redacted = Redaction.redact(line);
    assertThat(redacted).doesNotContain("dXNlcj1h").doesNotContain("0.ARsecret").doesNotContain("eyJhdWQi")
        .contains("failed").contains(Redaction.MARK);
  }
}
