package dev.maildiag.testkit.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.testkit.SimulatedBrowser;
import dev.maildiag.testkit.Simulation;
import dev.maildiag.testkit.google.GoogleSimulation;
import dev.maildiag.testkit.microsoft.Microsoft365Setup;
import dev.maildiag.testkit.microsoft.Microsoft365Simulation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each flow says and does at each step, against the simulated identity platforms. */
class SignInFlowsTest {
  private static final String LOGIN = "helpdesk@contoso.onmicrosoft.com";

  /** An administrator who answers with a fixed text and records what maildiag told. */
  private static final class Pasting implements SignIn.Administrator {
    final List<String> told = new ArrayList<>();
    final Function<String, String> answer;

    Pasting(Function<String, String> answerForToldUrl) {
      this.answer = answerForToldUrl;
    }

    @Override public void tell(String message) { told.add(message); }
    @Override public boolean openBrowser(URI url) { told.add("opened " + url); return false; }
    @Override public Optional<String> ask(String prompt, Duration timeout) { return Optional.ofNullable(answer.apply(String.join("\n", told))); }
  }

  private static SignIn.Outcome signIn(Simulation sim, SignIn signIn) {
    Maildiag maildiag = Maildiag.create();
    DiagnosticContext context = maildiag.withDefaults(sim.context().toBuilder().attribute(SignIn.ATTRIBUTE, signIn).build());
    return signIn.perform(context, maildiag.explainer());
  }

  private static Microsoft365Simulation microsoft(SignIn.Flow flow, Consumer<Microsoft365Setup> change) {
    return Microsoft365Simulation.healthy().with(s -> {
      s.signIn = flow;
      change.accept(s);
    }).start();
  }

  private static Finding step(SignIn.Outcome outcome, String checkId) {
    return outcome.findings().stream().filter(f -> f.checkId().equals(checkId)).findFirst().orElseThrow();
  }

  @Test
  void deviceFlowPrintsTheVerificationUrlAndCodeAndSignsIn() {
    SimulatedBrowser admin = new SimulatedBrowser();
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.DEVICE, s -> {})) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.DEVICE, admin).withTimeout(Duration.ofSeconds(20)));
      assertThat(outcome.signedIn()).isTrue();
      assertThat(outcome.refreshToken()).isNotNull();
      assertThat(outcome.account()).isEqualTo(LOGIN);
      assertThat(outcome.findings()).extracting(Finding::severity).containsExactly(Severity.OK, Severity.OK, Severity.OK);
      assertThat(String.join("\n", admin.told())).contains("https://microsoft.com/devicelogin").containsPattern("enter the code SIM\\d{6}")
          .contains("sign in as " + LOGIN);
    }
  }

  @Test
  void deviceFlowPollsSlowerWhenToldSlowDown() {
    SimulatedBrowser admin = new SimulatedBrowser();
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.DEVICE, s -> s.scriptedUser = ScriptedUser.signsInAs(LOGIN).askingToSlowDown())) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.DEVICE, admin).withTimeout(Duration.ofSeconds(30)));
      assertThat(outcome.signedIn()).isTrue();
      assertThat(String.join("\n", admin.told())).contains("slow_down").contains("now every 6 s");
    }
  }

  @Test
  void deviceFlowExplainsADeclinedSignIn() {
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.DEVICE, s -> s.scriptedUser = ScriptedUser.signsInAs(LOGIN).declines())) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.DEVICE, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20)));
      Finding tokens = step(outcome, SignIn.TOKENS_CHECK);
      assertThat(tokens.summary()).contains("authorization_declined");
      assertThat(tokens.rootCause()).isEqualTo("consent-required");
      assertThat(step(outcome, SignIn.ACCOUNT_CHECK).severity()).isEqualTo(Severity.SKIPPED);
      assertThat(outcome.signedIn()).isFalse();
    }
  }

  @Test
  void deviceFlowExplainsAnExpiredCode() {
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.DEVICE, s -> s.scriptedUser = ScriptedUser.signsInAs(LOGIN).does(ScriptedUser.Action.NEVER_SIGNS_IN))) {
      m365.identityPlatform().signIn().deviceCodeLifetime(2);
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.DEVICE, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20)));
      Finding tokens = step(outcome, SignIn.TOKENS_CHECK);
      assertThat(tokens.severity()).isEqualTo(Severity.ERROR);
      assertThat(tokens.summary()).startsWith("Nobody finished the device sign-in within 2 s");
    }
  }

  @Test
  void deviceFlowNamesThePublicClientSetting() {
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.DEVICE, s -> s.publicClientFlows = false)) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.DEVICE, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20)));
      Finding tokens = step(outcome, SignIn.TOKENS_CHECK);
      assertThat(tokens.summary()).contains("does not allow public client flows").contains("AADSTS7000218");
      assertThat(tokens.remediation().steps()).anyMatch(s -> s.contains("Allow public client flows: Yes"));
      assertThat(tokens.rootCause()).isEqualTo("invalid-configuration");
    }
  }

  @Test
  void googleHasNoDeviceFlowForGmailAndOffersTheOtherTwo() {
    try (GoogleSimulation google = GoogleSimulation.signingIn(SignIn.Flow.DEVICE, s -> {})) {
      SignIn.Outcome outcome = signIn(google, SignIn.of(SignIn.Flow.DEVICE, new SimulatedBrowser()));
      Finding request = step(outcome, SignIn.REQUEST_CHECK);
      assertThat(request.summary()).contains("Google's device flow does not allow Gmail's scope https://mail.google.com/");
      assertThat(request.remediation().steps()).anyMatch(s -> s.contains("--sign-in browser") && s.contains("--sign-in paste"));
    }
  }

  @Test
  void browserFlowPreselectsTheLoginAndShowsTheAccountPickerAndSaysWhy() {
    SimulatedBrowser admin = new SimulatedBrowser();
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.BROWSER, s -> {})) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.BROWSER, admin).withTimeout(Duration.ofSeconds(20)));
      assertThat(outcome.signedIn()).isTrue();
      String told = String.join("\n", admin.told());
      assertThat(told).contains("login_hint=helpdesk%40contoso.onmicrosoft.com").contains("prompt=select_account")
          .contains("code_challenge_method=S256").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A")
          .contains("a browser already signed in to another account would otherwise authorize that account");
    }
  }

  @Test
  void googleBrowserFlowAsksForARefreshTokenAndWhoSignedIn() {
    SimulatedBrowser admin = new SimulatedBrowser();
    try (GoogleSimulation google = GoogleSimulation.signingIn(SignIn.Flow.BROWSER, s -> {})) {
      SignIn.Outcome outcome = signIn(google, SignIn.of(SignIn.Flow.BROWSER, admin).withTimeout(Duration.ofSeconds(20)));
      assertThat(outcome.signedIn()).isTrue();
      assertThat(outcome.refreshToken()).isNotNull();
      assertThat(outcome.account()).isEqualTo(GoogleSimulation.LOGIN);
      assertThat(String.join("\n", admin.told())).contains("access_type=offline").contains("prompt=select_account+consent")
          .contains("scope=https%3A%2F%2Fmail.google.com%2F+openid+email");
    }
  }

  @Test
  void pasteRefusesTheAnswerOfAnotherSignIn() {
    Pasting admin = new Pasting(told -> "https://jira.contoso.com/plugins/servlet/oauth/callback?code=0.ASforged&state=not-this-one");
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.PASTE, s -> {})) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.PASTE, admin).withTimeout(Duration.ofSeconds(20)));
      Finding tokens = step(outcome, SignIn.TOKENS_CHECK);
      assertThat(tokens.summary()).isEqualTo("The pasted address answers another sign-in: its state differs");
      assertThat(outcome.signedIn()).isFalse();
    }
  }

  @Test
  void pasteRedeemsTheCodeOfTheAddressTheBrowserLandedOn() {
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.PASTE, s -> {})) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.PASTE, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20)));
      assertThat(outcome.signedIn()).isTrue();
      assertThat(step(outcome, SignIn.TOKENS_CHECK).summary()).contains("code redeemed with the client secret and PKCE");
      assertThat(step(outcome, SignIn.REQUEST_CHECK).evidence()).containsEntry("redirect URI", "https://jira.contoso.com/plugins/servlet/oauth/callback");
    }
  }

  @Test
  void aPastedErrorPageIsInterpretedLikeAnyFinding() {
    Pasting admin = new Pasting(told -> "AADSTS50011: The redirect URI 'https://jira.contoso.com/cb' specified in the request does not match"
        + " the redirect URIs configured for the application.");
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.PASTE, s -> {})) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.PASTE, admin).withTimeout(Duration.ofSeconds(20)));
      assertThat(step(outcome, SignIn.TOKENS_CHECK).rootCause()).isEqualTo("redirect-uri-mismatch");
    }
  }

  @Test
  void theRefreshTokenIsSavedOnlyWhenAskedAndOnlyForItsOwner(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("refresh-token");
    try (Microsoft365Simulation m365 = microsoft(SignIn.Flow.DEVICE, s -> {})) {
      SignIn.Outcome outcome = signIn(m365, SignIn.of(SignIn.Flow.DEVICE, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20))
          .savingRefreshTokenTo(file));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      Secret saved = Secret.of(Files.readString(file).strip());
      assertThat(saved).isEqualTo(outcome.refreshToken());
      Finding tokens = step(outcome, SignIn.TOKENS_CHECK);
      assertThat(tokens.evidence().get("refresh token saved to")).contains(file.toString()).contains("readable by its owner only");
      assertThat(tokens.evidence().values()).noneMatch(v -> v.contains(saved.reveal()));
      assertThat(dir.toFile().list()).containsExactly("refresh-token");
    }
  }
}
