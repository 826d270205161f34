package dev.maildiag.testkit.google;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.ScenarioSource;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.testkit.internal.SignInScenario;
import dev.maildiag.testkit.SimulatedSignIn;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Google failure modes that happen while the administrator signs in ({@code maildiag check --sign-in browser|paste};
 * Google has no device flow for Gmail's scope): the sign-in page's refusals, the unverified app, the account picker's
 * cached session, a refused consent. Each is named by the root cause it reproduces.
 */
public final class GoogleSignInScenarios implements ScenarioSource {
  /**
   * A sign-in failure mode.
   *
   * @param id the root-cause id it reproduces, or {@code healthy}
   * @param flow the sign-in flow
   * @param description what is simulated
   * @param script how the sign-in is scripted
   */
  public record SignInFailure(String id, SignIn.Flow flow, String description, Consumer<SimulatedSignIn> script) {}

  /**
   * Every Google sign-in failure mode, {@code healthy} first.
   *
   * @return the failure modes
   */
  public static List<SignInFailure> all() {
    String login = GoogleSimulation.LOGIN;
    return List.of(
        new SignInFailure(Scenario.HEALTHY, SignIn.Flow.BROWSER, "Browser sign-in as the login, then the whole path to the folder with its tokens",
            s -> {}),
        new SignInFailure(RootCause.REDIRECT_URI_MISMATCH, SignIn.Flow.BROWSER,
            "Browser sign-in: the OAuth client (a Web application) does not list a loopback redirect URI (Error 400: redirect_uri_mismatch)",
            s -> s.registeredRedirects(Set.of(GoogleSimulation.PRODUCT_CALLBACK))),
        new SignInFailure(RootCause.APP_UNVERIFIED, SignIn.Flow.BROWSER,
            "Browser sign-in: the app is in Testing and the login is not a test user (Error 403: access_denied)",
            s -> s.user(ScriptedUser.signsInAs(login).does(ScriptedUser.Action.REFUSED_AS_UNVERIFIED_APP))),
        new SignInFailure(RootCause.ADMIN_POLICY_BLOCKED, SignIn.Flow.PASTE,
            "Paste sign-in: the Workspace administrator blocks the app (Error 400: admin_policy_enforced)",
            s -> s.user(ScriptedUser.signsInAs(login).does(ScriptedUser.Action.HITS_ADMIN_BLOCK))),
        new SignInFailure(RootCause.CONSENT_REQUIRED, SignIn.Flow.BROWSER, "Browser sign-in: the user cancels the consent screen (access_denied)",
            s -> s.user(ScriptedUser.signsInAs(login).declines())),
        new SignInFailure(RootCause.WRONG_USER_AUTHORIZED, SignIn.Flow.BROWSER,
            "Browser sign-in: the account picker's signed-in account " + GoogleSimulation.OTHER_ACCOUNT + " is chosen",
            s -> s.user(ScriptedUser.signsInAs(login).withCachedSessionOf(GoogleSimulation.OTHER_ACCOUNT))),
        new SignInFailure(RootCause.APP_NOT_FOUND, SignIn.Flow.PASTE, "Paste sign-in: the OAuth client was deleted (Error 401: deleted_client)",
            s -> s.pageRefuses("Access blocked: Authorization Error. The OAuth client was deleted. Error 401: deleted_client")));
  }

  @Override
  public List<Scenario> scenarios() {
    return all().stream().map(GoogleSignInScenarios::scenario).toList();
  }

  /**
   * Starts a sign-in failure mode (or the healthy sign-in).
   *
   * @param id the root-cause id, or {@code healthy}
   * @return the running simulation
   */
  public static GoogleSimulation start(String id) {
    SignInFailure f = all().stream().filter(x -> x.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Google sign-in scenario '" + id + "'"));
    return GoogleSimulation.signingIn(f.flow(), f.script());
  }

  private static Scenario scenario(SignInFailure f) {
    return new SignInScenario("google", f.id(), f.flow(), f.description(), () -> start(f.id()));
  }
}
