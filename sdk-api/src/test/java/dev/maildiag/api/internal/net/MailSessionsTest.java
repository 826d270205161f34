package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MailSessionsTest {
  @Test
  void imapsSessionIsBoundedStrictAndRoutedThroughTheMailProxy() throws Exception {
    Properties jvm = new Properties();
    jvm.setProperty("mail.imaps.proxy.host", "proxy.corp");
    jvm.setProperty("mail.imaps.proxy.port", "3128");
    DiagnosticContext ctx = DiagnosticContext.builder().protocol(Protocol.IMAP).host("imap.example").security(Security.SSL)
        .timeout(Duration.ofSeconds(3)).network(NetworkSettings.from(jvm)).build();
    Properties p = MailSessions.properties(ctx);
    assertThat(p.getProperty("mail.imaps.connectiontimeout")).isEqualTo("3000");
    assertThat(p.getProperty("mail.imaps.timeout")).isEqualTo("3000");
    assertThat(p.getProperty("mail.imaps.writetimeout")).isEqualTo("3000");
    assertThat(p.getProperty("mail.imaps.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.imaps.ssl.trust")).isNull();
    assertThat(p.getProperty("mail.imaps.auth.mechanisms")).isEqualTo("XOAUTH2");
    assertThat(p.getProperty("mail.imaps.proxy.host")).isEqualTo("proxy.corp");
    assertThat(p.getProperty("mail.imaps.proxy.port")).isEqualTo("3128");
    assertThat(MailSessions.store(MailSessions.session(ctx, false, null), ctx.server())).isInstanceOf(StrictImapSslStore.class);
  }

  @Test
  void pop3StarttlsCarriesTheTwoLineFormatAndRequiresTls() {
    DiagnosticContext ctx = DiagnosticContext.builder().protocol(Protocol.POP3).host("pop.example").security(Security.STARTTLS)
        .network(NetworkSettings.direct()).build();
    Properties p = MailSessions.properties(ctx, true);
    assertThat(p.getProperty("mail.pop3.starttls.required")).isEqualTo("true");
    assertThat(p.getProperty("mail.pop3.auth.xoauth2.two.line.authentication.format")).isEqualTo("true");
    assertThat(p.getProperty("mail.pop3.proxy.host")).isNull();
  }
}
