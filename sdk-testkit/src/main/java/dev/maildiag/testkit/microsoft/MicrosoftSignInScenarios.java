package dev.maildiag.testkit.microsoft;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.ScenarioSource;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.testkit.internal.SignInScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Microsoft 365 failure modes that happen while the administrator signs in, seen live by {@code maildiag check
 * --sign-in}: the identity platform's sign-in page, the scripted user's choices and the device code's polling.
 * Each is named by the root cause it reproduces; the sign-in runs with a {@link dev.maildiag.testkit.SimulatedBrowser}.
 */
public final class MicrosoftSignInScenarios implements ScenarioSource {
  /**
   * A sign-in failure mode.
   *
   * @param id the root-cause id it reproduces, or {@code healthy}
   * @param flow the sign-in flow
   * @param description what is simulated
   * @param apply what it changes in a healthy setup
   */
  public record SignInFailure(String id, SignIn.Flow flow, String description, Consumer<Microsoft365Setup> apply) {}

  private static final String OTHER = "it-admin@contoso.onmicrosoft.com";

  /**
   * Every sign-in scenario, {@code healthy} first.
   *
   * @return the failure modes
   */
  public static List<SignInFailure> all() {
    List<SignInFailure> all = new ArrayList<>();
    all.add(new SignInFailure(Scenario.HEALTHY, SignIn.Flow.DEVICE, "Device sign-in as the login, then the whole path to the folder with its tokens",
        s -> s.scriptedUser = ScriptedUser.signsInAs(s.login).afterPolls(1).askingToSlowDown()));
    all.add(new SignInFailure(RootCause.REDIRECT_URI_MISMATCH, SignIn.Flow.BROWSER,
        "Browser sign-in: the app registers only the product's callback, not a loopback redirect URI (AADSTS50011 on the sign-in page)",
        s -> s.registeredRedirects = Set.of(s.redirectUri)));
    all.add(new SignInFailure(RootCause.CONSENT_REQUIRED, SignIn.Flow.BROWSER, "Browser sign-in: the user declines the app's permissions (AADSTS65004)",
        s -> s.scriptedUser = ScriptedUser.signsInAs(s.login).declines()));
    all.add(new SignInFailure(RootCause.CONDITIONAL_ACCESS, SignIn.Flow.DEVICE, "Device sign-in blocked by a Conditional Access policy (AADSTS53003)",
        s -> s.scriptedUser = ScriptedUser.signsInAs(s.login).does(ScriptedUser.Action.HITS_CONDITIONAL_ACCESS)));
    all.add(new SignInFailure(RootCause.ADMIN_POLICY_BLOCKED, SignIn.Flow.BROWSER,
        "Browser sign-in: the app requires user assignment and the login is not assigned (AADSTS50105 on the page)",
        s -> s.scriptedUser = ScriptedUser.signsInAs(s.login).does(ScriptedUser.Action.HITS_ADMIN_BLOCK)));
    all.add(new SignInFailure(RootCause.WRONG_USER_AUTHORIZED, SignIn.Flow.BROWSER,
        "Browser sign-in: the browser already holds the admin's session, which signs in instead of the login",
        s -> {
          s.scriptedUser = ScriptedUser.signsInAs(s.login).withCachedSessionOf(OTHER);
          s.signedInUser = OTHER;
        }));
    all.add(new SignInFailure(RootCause.APP_NOT_FOUND, SignIn.Flow.PASTE, "Paste sign-in: the client id is not registered in the tenant (AADSTS700016 on the page)",
        s -> s.signInPageRefusal = "AADSTS700016: Application with identifier '" + s.clientId + "' was not found in the directory 'Contoso'."
            + " This can happen if the application has not been installed by the administrator of the tenant or consented to by any user"
            + " in the tenant. You may have sent your authentication request to the wrong tenant."));
    all.add(new SignInFailure(RootCause.TENANT_NOT_FOUND, SignIn.Flow.BROWSER, "Browser sign-in: the tenant does not exist (AADSTS90002 on the page)",
        s -> s.signInPageRefusal = "AADSTS90002: Tenant '" + s.tenantId + "' not found. Check to make sure you have the correct tenant ID and are"
            + " signing into the correct cloud."));
    all.add(new SignInFailure(RootCause.SINGLE_TENANT_ENDPOINT, SignIn.Flow.BROWSER,
        "Browser sign-in at /common with a single-tenant app (AADSTS50194 on the page)",
        s -> {
          s.endpointTenant = "common";
          s.signInPageRefusal = "AADSTS50194: Application '" + s.clientId + "'(Jira Mail) is not configured as a multi-tenant application."
              + " Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific"
              + " endpoint or configure the application to be multi-tenant.";
        }));
    all.add(new SignInFailure(RootCause.CLOUD_MISMATCH, SignIn.Flow.BROWSER,
        "Browser sign-in: a US Government app signs in at the worldwide endpoint (AADSTS900439 on the page)",
        s -> s.signInPageRefusal = "AADSTS900439: USGClientNotSupportedOnPublicEndpoint - The client application is registered in a US"
            + " Government cloud and cannot sign in at the public endpoint."));
    all.add(new SignInFailure(RootCause.INVALID_CONFIGURATION, SignIn.Flow.DEVICE,
        "Device sign-in: the app does not allow public client flows (AADSTS7000218 while polling)",
        s -> s.publicClientFlows = false));
    return all;
  }

  @Override
  public List<Scenario> scenarios() {
    return all().stream().map(MicrosoftSignInScenarios::scenario).toList();
  }

  /**
   * Starts a sign-in failure mode (or the healthy sign-in).
   *
   * @param id the root-cause id, or {@code healthy}
   * @return the running simulation
   */
  public static Microsoft365Simulation start(String id) {
    SignInFailure f = all().stream().filter(x -> x.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Microsoft sign-in scenario '" + id + "'"));
    return Microsoft365Simulation.healthy().with(s -> {
      s.signIn = f.flow();
      f.apply().accept(s);
    }).start();
  }

  private static Scenario scenario(SignInFailure f) {
    return new SignInScenario("microsoft", f.id(), f.flow(), f.description(), () -> start(f.id()));
  }
}
