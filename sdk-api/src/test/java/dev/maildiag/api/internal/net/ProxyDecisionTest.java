package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ProxyDecisionTest {
  private static NetworkSettings settings(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return NetworkSettings.from(p);
  }

  @Test
  void jvmHttpsProxyDoesNotApplyToMail() {
    NetworkSettings n = settings("https.proxyHost", "proxy.corp", "https.proxyPort", "3128");
    Route mail = ProxyDecision.forMail(n, Protocol.IMAP, Security.SSL, "outlook.office365.com");
    Route identity = ProxyDecision.forHttps(n, "login.microsoftonline.com");
    assertThat(mail.kind()).isEqualTo(Route.Kind.DIRECT);
    assertThat(mail.reason()).contains("do not apply to mail");
    assertThat(identity.kind()).isEqualTo(Route.Kind.HTTP);
    assertThat(identity.proxy().port()).isEqualTo(3128);
    assertThat(identity.reason()).isEqualTo("https.proxyHost");
  }

  @Test
  void mailProxyWinsOverSocksAndMatchesTheProtocolName() {
    NetworkSettings n = settings("mail.imaps.proxy.host", "proxy.corp:8080", "mail.imaps.socks.host", "socks.corp",
        "socksProxyHost", "jvm-socks.corp");
    assertThat(ProxyDecision.forMail(n, Protocol.IMAP, Security.SSL, "h").describe())
        .isEqualTo("through HTTP proxy proxy.corp:8080 (mail.imaps.proxy.host)");
    // imap (STARTTLS on 143) is another protocol name than imaps: the JVM's SOCKS proxy applies
    Route starttls = ProxyDecision.forMail(n, Protocol.IMAP, Security.STARTTLS, "h");
    assertThat(starttls.kind()).isEqualTo(Route.Kind.SOCKS);
    assertThat(starttls.reason()).isEqualTo("socksProxyHost");
  }

  @Test
  void nonProxyHostsWildcardsExemptIdentityHostsButHttpsNonProxyHostsIsIgnored() {
    NetworkSettings n = settings("https.proxyHost", "proxy.corp", "http.nonProxyHosts", "*.microsoftonline.com|intranet",
        "https.nonProxyHosts", "*.google.com");
    assertThat(ProxyDecision.forHttps(n, "login.MicrosoftOnline.com").reason()).contains("'*.microsoftonline.com'");
    assertThat(ProxyDecision.forHttps(n, "login.microsoftonline.com").isDirect()).isTrue();
    assertThat(ProxyDecision.forHttps(n, "oauth2.google.com").kind()).isEqualTo(Route.Kind.HTTP);
    assertThat(ProxyDecision.forHttps(n, "intranet.example").kind()).isEqualTo(Route.Kind.HTTP);
  }

  @Test
  void withoutNonProxyHostsTheJdkDefaultExemptsLoopback() {
    NetworkSettings n = settings("https.proxyHost", "proxy.corp");
    assertThat(ProxyDecision.forHttps(n, "127.0.0.1").isDirect()).isTrue();
    assertThat(ProxyDecision.forHttps(n, "localhost").isDirect()).isTrue();
    assertThat(ProxyDecision.forHttps(n, "login.live.com").isDirect()).isFalse();
  }

  @Test
  void patternsMatchInTheMiddleAndBracketedIpv6() {
    assertThat(ProxyDecision.matchingPattern("a.*.corp|[::1]", "a.b.corp")).isEqualTo("a.*.corp");
    assertThat(ProxyDecision.matchingPattern("a.*.corp|[::1]", "::1")).isEqualTo("[::1]");
    assertThat(ProxyDecision.matchingPattern("a.*.corp", "b.a.corp")).isNull();
  }

  @Test
  void noSettingsMeansDirectEverywhere() {
    NetworkSettings n = NetworkSettings.direct();
    assertThat(ProxyDecision.forMail(n, Protocol.SMTP, Security.STARTTLS, "smtp.gmail.com").isDirect()).isTrue();
    assertThat(ProxyDecision.forHttps(n, "oauth2.googleapis.com").isDirect()).isTrue();
  }
}
