package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Secret;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import dev.maildiag.testkit.tls.TestCa;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code maildiag check --sign-in}: what it refuses up front, and a device sign-in through to the folder. */
class SignInCommandTest {
  private static final String[] GMAIL = {"check", "--protocol", "imap", "--host", "imap.gmail.com", "--login", "helpdesk@example.com",
      "--client-id", "123-abc.apps.googleusercontent.com"};

  private static String[] with(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void googleHasNoDeviceSignInForGmailAndTheOtherTwoAreOffered() {
    CliRun run = CliRun.of(with(GMAIL, "--sign-in", "device"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no device sign-in").contains("https://mail.google.com/")
        .contains("--sign-in browser").contains("--sign-in paste");
  }

  @Test
  void pasteNeedsTheHandlersRedirectUri() {
    CliRun run = CliRun.of(with(GMAIL, "--sign-in", "paste"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--sign-in paste needs the handler's --redirect-uri");
  }

  @Test
  void signInOptionsAreCheckedBeforeAnythingOpens() {
    assertThat(CliRun.of(with(GMAIL, "--sign-in", "browser", "--offline")).err()).contains("cannot be combined with --offline");
    assertThat(CliRun.of(with(GMAIL, "--sign-in", "telepathy")).err()).contains("--sign-in must be device, browser or paste");
    assertThat(CliRun.of(with(GMAIL, "--save-refresh-token", "rt.txt")).err()).contains("need --sign-in");
    assertThat(CliRun.of(with(GMAIL, "--sign-in", "browser", "--sign-in-port", "70000")).exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aDeviceSignInIsDiagnosedThroughToTheFolderAndNoSecretIsPrinted() throws Exception {
    Map<String, String> saved = new HashMap<>();
    for (String p : new String[] {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"}) {
      saved.put(p, System.getProperty(p));
    }
    try (Microsoft365Simulation m365 = Microsoft365Simulation.healthy().with(s -> s.signIn = SignIn.Flow.DEVICE).start()) {
      // the simulation's certificates come from the test CA: trust it as an administrator would trust a corporate CA
      System.setProperty("javax.net.ssl.trustStore", TestCa.get().trustStoreFile().toString());
      System.setProperty("javax.net.ssl.trustStorePassword", TestCa.TRUST_STORE_PASSWORD);
      System.setProperty("javax.net.ssl.trustStoreType", TestCa.TRUST_STORE_TYPE);
      DiagnosticContext c = m365.context();
      CliRun run = CliRun.of("check", "--protocol", "imap", "--host", c.server().host(), "--port", Integer.toString(c.server().port()),
          "--security", "ssl", "--login", c.server().login(), "--provider", "microsoft", "--tenant", c.oauth().tenant(),
          "--client-id", c.oauth().clientId(), "--token-endpoint", c.oauth().tokenEndpoint(),
          "--authorization-endpoint", c.oauth().authorizationEndpoint(), "--scopes", String.join(" ", c.oauth().scopes()),
          "--sign-in", "device", "--sign-in-timeout", "30", "--timeout", "5", "--format", "json", "-q");

      assertThat(run.err()).contains("Device sign-in: open https://microsoft.com/devicelogin").containsPattern("enter the code SIM\\d{6}");
      JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
      Map<String, String> severities = new HashMap<>();
      report.get("findings").forEach(f -> severities.put(f.get("checkId").asText(), f.get("severity").asText()));
      assertThat(severities).containsEntry(SignIn.REQUEST_CHECK, "OK").containsEntry(SignIn.TOKENS_CHECK, "OK")
          .containsEntry(SignIn.ACCOUNT_CHECK, "OK").containsEntry("oauth.token", "OK").containsEntry("mailbox.folder", "OK");
      assertThat(report.get("findings").get(0).get("checkId").asText()).isEqualTo(SignIn.REQUEST_CHECK);
      assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
      for (Secret s : m365.secrets()) {
        assertThat(run.out() + run.err()).doesNotContain(s.reveal());
      }
    } finally {
      saved.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
