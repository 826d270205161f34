package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.signin.RecordedCheck;
import dev.maildiag.api.internal.signin.SignInRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs in interactively as the mail handler's user, the way the handler's administrator authorizes the
 * mailbox, and diagnoses the sign-in itself: an error the identity platform answers (on the redirect, on
 * its sign-in page or while polling) is interpreted like any other finding, and the account that signed in
 * is compared with the login.
 *
 * <p>Three delegated flows: {@link Flow#DEVICE device code} (Microsoft), {@link Flow#BROWSER browser}
 * (authorization code with PKCE on a loopback redirect {@code http://127.0.0.1:<port>/...}) and
 * {@link Flow#PASTE paste} (authorization code with the handler's own redirect URI; the administrator pastes
 * the address the browser lands on, and the code is redeemed with the app's secret).
 *
 * <p>Put a sign-in into a context with {@link #ATTRIBUTE} and {@code Maildiag.diagnose} signs in first, then
 * runs the live checks with the tokens obtained, so the report shows the path from sign-in to folder:
 *
 * <pre>{@code
 * DiagnosticContext context = handlerSettings.toBuilder()
 *     .attribute(SignIn.ATTRIBUTE, SignIn.of(SignIn.Flow.BROWSER, SignIn.Administrator.console()))
 *     .build();
 * Report report = Maildiag.create().diagnose(context);
 * }</pre>
 *
 * Or sign in on its own with {@link #perform}: the tokens stay in memory as {@link Secret}s.
 */
public final class SignIn {
  /** The sign-in to perform before a diagnosis. */
  public static final Key<SignIn> ATTRIBUTE = Key.of("signIn", SignIn.class);

  /**
   * Where the provider's device authorization endpoint is; providers fill it in (Microsoft derives it from
   * the token endpoint).
   */
  public static final Key<String> DEVICE_AUTHORIZATION_ENDPOINT = Key.of("signIn.deviceAuthorizationEndpoint", String.class);

  /** Why the provider has no device flow for the configured scopes (Google has none for Gmail's scope). */
  public static final Key<String> NO_DEVICE_FLOW = Key.of("signIn.noDeviceFlow", String.class);

  /** Scopes the provider adds to a sign-in so that the token endpoint says who signed in (e.g. {@code openid email}). */
  public static final Key<String> IDENTITY_SCOPES = Key.of("signIn.identityScopes", String.class);

  /** Further authorization-request parameters a provider needs, as {@code name=value&...} (e.g. Google's {@code access_type=offline}). */
  public static final Key<String> AUTHORIZATION_PARAMETERS = Key.of("signIn.authorizationParameters", String.class);

  /** Ids of the checks under which a sign-in's findings appear in a report. */
  public static final String REQUEST_CHECK = "sign-in.request";
  /**
   * The check id of the sign-in's token step (the code redeemed for tokens).
   */
  public static final String TOKENS_CHECK = "sign-in.tokens";
  /**
   * The check id of the sign-in's account step (who signed in, compared with the login).
   */
  public static final String ACCOUNT_CHECK = "sign-in.account";

  /** The default time the administrator has to finish signing in. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Flow flow;
  private final Administrator administrator;
  private final Duration timeout;
  private final int loopbackPort;
  private final Path refreshTokenFile;

  private SignIn(Flow flow, Administrator administrator, Duration timeout, int loopbackPort, Path refreshTokenFile) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.administrator = Objects.requireNonNull(administrator, "administrator");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the sign-in timeout must be positive");
    }
    if (loopbackPort < 0 || loopbackPort > 65535) {
      throw new IllegalArgumentException("the loopback port must be 0 (any free port) to 65535");
    }
    this.loopbackPort = loopbackPort;
    this.refreshTokenFile = refreshTokenFile;
  }

  /**
   * A sign-in with the flow, talking to the administrator through {@code administrator}, within {@link #DEFAULT_TIMEOUT}.
   *
   * @param flow the flow
   * @param administrator how instructions reach the administrator and answers come back
   * @return the sign-in
   */
  public static SignIn of(Flow flow, Administrator administrator) {
    return new SignIn(flow, administrator, DEFAULT_TIMEOUT, 0, null);
  }

  /**
   * The same sign-in with another time limit for the administrator to finish it.
   *
   * @param newTimeout the time limit, positive
   * @return the changed sign-in
   */
  public SignIn withTimeout(Duration newTimeout) {
    return new SignIn(flow, administrator, newTimeout, loopbackPort, refreshTokenFile);
  }

  /**
   * The same sign-in with the browser flow's listener on this loopback port (0, the default, takes a free
   * one): for an app registration whose loopback redirect URI names a port.
   *
   * @param port 0 for any free port, else the port the redirect URI names
   * @return the changed sign-in
   */
  public SignIn withLoopbackPort(int port) {
    return new SignIn(flow, administrator, timeout, port, refreshTokenFile);
  }

  /**
   * The same sign-in, saving the refresh token it obtains to {@code file}, readable and writable by its owner
   * only (POSIX 600). Only on an explicit request: whoever can read the file can read the mailbox until the
   * token is revoked (Entra: revoke the user's sessions; Google: remove the app's access). The token is never
   * printed.
   *
   * @param file where to save it
   * @return the changed sign-in
   */
  public SignIn savingRefreshTokenTo(Path file) {
    return new SignIn(flow, administrator, timeout, loopbackPort, Objects.requireNonNull(file));
  }

  /**
   * Where the refresh token is saved, if asked.
   *
   * @return the file, or empty when the token is not saved
   */
  public Optional<Path> refreshTokenFile() {
    return Optional.ofNullable(refreshTokenFile);
  }

  /**
   * The flow.
   *
   * @return the flow
   */
  public Flow flow() {
    return flow;
  }

  /**
   * How instructions reach the administrator.
   *
   * @return the administrator's side
   */
  public Administrator administrator() {
    return administrator;
  }

  /**
   * The time the administrator has to finish signing in.
   *
   * @return the time limit
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The browser flow's loopback port.
   *
   * @return the port, or 0 for any free one
   */
  public int loopbackPort() {
    return loopbackPort;
  }

  /**
   * Signs in for the context (endpoints, client, scopes, login as the providers' {@code withDefaults} left
   * them) and interprets what goes wrong with the explainer. Never throws for a refused sign-in: it is a finding.
   *
   * @param context the context, completed with the providers' defaults
   * @param explainer interprets the sign-in's errors
   * @return the outcome, with a finding per step
   */
  public Outcome perform(DiagnosticContext context, Explainer explainer) {
    return SignInRun.perform(this, context, explainer);
  }

  @Override
  public String toString() {
    return "SignIn[" + flow.label() + ", timeout " + timeout + "]";
  }

  /** The three delegated flows. */
  public enum Flow {
    /** Device code: the administrator enters a short code on the provider's page, on any device (Microsoft). */
    DEVICE,
    /** Authorization code + PKCE with a loopback redirect that maildiag listens on. */
    BROWSER,
    /** Authorization code with the handler's own redirect URI; the administrator pastes the address the browser lands on. */
    PASTE;

    /**
     * Lower-case name, as on the command line.
     *
     * @return e.g. {@code device}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The flow for a command-line word ({@code device}, {@code browser}, {@code paste}).
     *
     * @param word the word, in any case
     * @return the flow
     * @throws IllegalArgumentException for any other word
     */
    public static Flow parse(String word) {
      for (Flow f : values()) {
        if (f.label().equalsIgnoreCase(word == null ? "" : word.trim())) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown sign-in flow '" + word + "' (device, browser or paste)");
    }
  }

  /**
   * The administrator's side of a sign-in: where instructions go, how a browser is opened and how a pasted
   * answer comes back. Never receives a token, code or verifier.
   */
  public interface Administrator {
    /**
     * Shows lines to the administrator (the URL to open, the device code, why an account is preselected).
     *
     * @param message one or more lines
     */
    void tell(String message);

    /**
     * Opens the URL in a browser; false when there is none (the URL was told, so the administrator can open it).
     *
     * @param url the URL to open
     * @return whether a browser was opened
     */
    boolean openBrowser(URI url);

    /**
     * Asks the administrator for one line, e.g. the address the browser landed on or the error a sign-in page
     * shows; empty when nothing came within the timeout or input has ended.
     *
     * @param prompt what to ask
     * @param timeout how long to wait
     * @return the answer, or empty
     */
    Optional<String> ask(String prompt, Duration timeout);

    /**
     * Shows instructions on stderr, opens the system browser when there is one and reads answers from stdin.
     *
     * @return the console administrator
     */
    static Administrator console() {
      return dev.maildiag.api.internal.signin.ConsoleAdministrator.create();
    }
  }

  /**
   * What a sign-in gave: tokens (secrets, in memory only) and findings, one per sign-in step.
   *
   * @param flow the flow used
   * @param accessToken the access token issued, or null
   * @param refreshToken the refresh token issued, or null (e.g. without {@code offline_access})
   * @param account the account that signed in, when the provider said (ID token or access-token claims), or null
   * @param findings the sign-in's findings, stamped with {@link #REQUEST_CHECK}, {@link #TOKENS_CHECK} and {@link #ACCOUNT_CHECK}
   */
  public record Outcome(Flow flow, Secret accessToken, Secret refreshToken, String account, List<Finding> findings) {
    /**
     * An outcome; the findings are copied.
     *
     * @param flow see the record
     * @param accessToken see the record
     * @param refreshToken see the record
     * @param account see the record
     * @param findings see the record
     */
    public Outcome {
      findings = List.copyOf(findings);
    }

    /**
     * Whether tokens were issued.
     *
     * @return whether an access token was issued
     */
    public boolean signedIn() {
      return accessToken != null;
    }

    /**
     * Whether any step of the sign-in found an error.
     *
     * @return whether a finding is an ERROR
     */
    public boolean failed() {
      return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * The context with the tokens obtained (the configured ones are replaced); unchanged when none were issued.
     *
     * @param context the context signed in for
     * @return the context with the new tokens
     */
    public DiagnosticContext applyTo(DiagnosticContext context) {
      if (!signedIn()) {
        return context;
      }
      DiagnosticContext.Builder b = context.toBuilder().accessToken(accessToken);
      if (refreshToken != null) {
        b.refreshToken(refreshToken);
      }
      return b.build();
    }

    /**
     * The findings as checks, to run in a diagnosis so that the report shows the sign-in's steps first.
     *
     * @return one check per finding, returning it
     */
    public List<Check> checks() {
      return findings.stream().<Check>map(RecordedCheck::new).toList();
    }

    @Override
    public String toString() {
      return "SignIn.Outcome[" + flow.label() + ", signedIn=" + signedIn() + ", account=" + account + ", findings=" + findings.size() + "]";
    }
  }
}
