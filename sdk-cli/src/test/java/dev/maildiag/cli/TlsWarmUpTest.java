package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TlsWarmUpTest {
  @Test
  void onlyACheckThatMayConnectWarmsUpTls() {
    assertThat(TlsWarmUp.start(new String[] {"check", "--host", "outlook.office365.com", "--login", "a@contoso.com"})).isTrue();
    assertThat(TlsWarmUp.start(new String[] {"--debug", "check", "--host", "h.example.com", "-Djavax.net.ssl.trustStore=t.p12"})).isTrue();

    assertThat(TlsWarmUp.start(new String[] {"check", "--offline", "--host", "outlook.office365.com"})).isFalse();
    assertThat(TlsWarmUp.start(new String[] {"check", "--help"})).isFalse();
    assertThat(TlsWarmUp.start(new String[] {"explain", "A1 NO AUTHENTICATE failed."})).isFalse();
    assertThat(TlsWarmUp.start(new String[] {"--version"})).isFalse();
    assertThat(TlsWarmUp.start(new String[] {"demo"})).isFalse();
  }
}
