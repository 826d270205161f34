package dev.maildiag.api;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.internal.report.ReportJson;
import dev.maildiag.api.internal.report.TextReport;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretTest {
  private static final String CANARY = "CANARY-7f3a9c";

  @Test
  void revealsOnlyWhenAsked() throws Exception {
    Secret s = Secret.of(CANARY + "-x");
    assertThat(s.reveal()).isEqualTo(CANARY + "-x");
    assertThat(s.toString()).isEqualTo(Secret.REDACTED);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s)).isEqualTo("\"" + Secret.REDACTED + "\"");
    assertThat(s).isEqualTo(Secret.of(CANARY + "-x")).isNotEqualTo(Secret.of(CANARY + "-y"));
  }

  @Test
  void aMissingTextIsRefusedByOfAndAbsentWithOfNullable() {
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("Secret.ofNullable");
    assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThat(Secret.ofNullable(null)).isNull();
    assertThat(Secret.ofNullable("")).isNull();
    assertThat(Secret.ofNullable("x")).isEqualTo(Secret.of("x"));
  }

  @Test
  void aCanaryInEverySecretFieldNeverAppearsInToStringReportsOrDebugLogs() throws Exception {
    Properties jvm = new Properties();
    jvm.setProperty("https.proxyHost", "proxy.corp");
    jvm.setProperty("https.proxyPassword", CANARY + "-https-proxy");
    jvm.setProperty("mail.imaps.proxy.host", "proxy.corp");
    jvm.setProperty("mail.imaps.proxy.password", CANARY + "-mail-proxy");
    DiagnosticContext context = DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("imap.example.com").port(993).security(Security.NONE).login("a@example.com")
        .clientId("client").clientSecret(Secret.of(CANARY + "-client-secret"))
        .accessToken(Secret.of(CANARY + "-access")).refreshToken(Secret.of(CANARY + "-refresh"))
        .password(Secret.of(CANARY + "-password"))
        .tokenEndpoint("https://login.example.com/token")
        .network(NetworkSettings.from(jvm))
        .build();
    // a careless check that puts every object holding secrets into its finding
    Check careless = new FakeCheck(CheckInfo.of("test.careless", Stage.CONFIG, "careless"), ctx -> Finding.error("context " + ctx.context())
        .detail(ctx.context().tokens() + " " + ctx.context().oauth() + " " + ctx.context().network())
        .evidence("tokens", ctx.context().tokens()).evidence("secret", ctx.context().oauth().clientSecret())
        .evidence("proxies", ctx.context().network().mailProxies())
        .build());

    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream original = System.err;
    Report report;
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      report = Maildiag.builder().check(careless).stages(Stage.CONFIG).build().diagnose(context);
    } finally {
      System.setErr(original);
    }

    String log = logs.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("diagnosing").contains("test.careless");
    for (String out : List.of(context.toString(), context.tokens().toString(), context.oauth().toString(),
        context.network().toString(), ReportJson.write(report), TextReport.write(report), log)) {
      assertThat(out).doesNotContain(CANARY);
    }
    assertThat(ReportJson.write(report)).contains(Secret.REDACTED);
  }
}
