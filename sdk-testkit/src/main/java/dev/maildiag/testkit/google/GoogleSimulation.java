package dev.maildiag.testkit.google;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.google.GoogleCatalog;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.RootCause;
import dev.maildiag.google.GoogleDiagnostics;
import dev.maildiag.testkit.Simulation;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.testkit.SimulatedBrowser;
import dev.maildiag.testkit.SimulatedSignIn;
import dev.maildiag.api.spi.SignIn;
import java.util.function.Consumer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A simulated Google on loopback: token and token-info endpoints (WireMock) and a Gmail-like mail server, in one
 * failure mode named by its root-cause id, or {@code healthy}. {@link #context()} is what a mail handler
 * configured against it would hold.
 *
 * <pre>{@code
 * try (GoogleSimulation google = GoogleSimulation.start("protocol-disabled")) {
 *   Report report = Maildiag.create().diagnose(google.context());
 *   assertThat(report).hasTopRootCause("protocol-disabled");
 * }
 * }</pre>
 */
public final class GoogleSimulation implements Simulation {
  /**
   * The simulated OAuth client's id.
   */
  public static final String CLIENT_ID = "123456789012-maildiag.apps.googleusercontent.com";
  /**
   * The simulated Gmail account, the handler's login.
   */
  public static final String LOGIN = "helpdesk@example.com";
  static final String OTHER_ACCOUNT = "it-admin@example.com";
  static final String SHARED_MAILBOX = "support@example.com";
  static final String GMAIL_API_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";

  /** Every failure mode by root-cause id, with what it simulates; {@code healthy} first. */
  public static final Map<String, String> FAILURES = failures();

  private final GoogleOAuthServer oauth;
  private final GmailServers.Running mail;
  private final DiagnosticContext context;
  private final String issuedToken;

  private GoogleSimulation(GoogleOAuthServer oauth, GmailServers.Running mail, DiagnosticContext context, String issuedToken) {
    this.oauth = oauth;
    this.mail = mail;
    this.context = context;
    this.issuedToken = issuedToken;
  }

  private static Map<String, String> failures() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(Scenario.HEALTHY, "Gmail accepts the refreshed token over IMAP (GreenMail behind TLS)");
    f.put(RootCause.SCOPES, "The handler asks for the Gmail API scope gmail.readonly; Gmail answers the XOAUTH2 challenge 400");
    f.put(RootCause.REFRESH_TOKEN_INVALID, "invalid_grant \"Token has been expired or revoked.\" (e.g. an app in Testing after 7 days)");
    f.put(RootCause.CLIENT_SECRET_INVALID, "invalid_client \"Unauthorized\": the client secret is wrong");
    f.put(RootCause.APP_NOT_FOUND, "invalid_client \"The OAuth client was not found.\"");
    f.put(RootCause.ADMIN_POLICY_BLOCKED, "admin_policy_enforced: the Workspace admin blocks the app");
    f.put(RootCause.ACCESS_TOKEN_EXPIRED, "Only an expired access token is configured; token-info says Invalid Value, Gmail challenges 401");
    f.put(RootCause.WRONG_USER_AUTHORIZED, "The token belongs to " + OTHER_ACCOUNT + ", not the login; Gmail challenges 400");
    f.put(RootCause.MAILBOX_PERMISSION, "The handler reads " + SHARED_MAILBOX + " with the login's token; Gmail has no delegation over IMAP");
    f.put(RootCause.PROTOCOL_DISABLED, "\"[ALERT] IMAP access is disabled for your domain.\" (Admin console)");
    f.put(RootCause.BASIC_AUTH_REJECTED, "The handler still logs in with the account password; Gmail answers \"Application-specific password required\"");
    f.put(RootCause.THROTTLED, "\"[ALERT] Too many simultaneous connections.\"");
    return java.util.Collections.unmodifiableMap(f);
  }

  /**
   * Whether the failure mode exists for the protocol: Gmail's IMAP and POP switches do not touch SMTP.
   *
   * @param failure a failure mode of {@link #FAILURES}
   * @param protocol the protocol
   * @return whether the simulation can be started for both
   */
  public static boolean appliesTo(String failure, Protocol protocol) {
    return !(failure.equals(RootCause.PROTOCOL_DISABLED) && protocol == Protocol.SMTP);
  }

  /**
   * Starts the simulation for IMAP.
   *
   * @param failure a failure mode of {@link #FAILURES}, e.g. {@code healthy} or {@code protocol-disabled}
   * @return the running simulation; close it to stop it
   */
  public static GoogleSimulation start(String failure) {
    return start(failure, Protocol.IMAP);
  }

  /**
   * Starts the simulation for a protocol (see {@link #appliesTo} for the one combination Gmail does not have).
   *
   * @param failure a failure mode of {@link #FAILURES}
   * @param protocol the protocol the handler reads mail with
   * @return the running simulation; close it to stop it
   * @throws IllegalArgumentException for an unknown failure mode, or one Gmail does not have for the protocol
   */
  public static GoogleSimulation start(String failure, Protocol protocol) {
    if (!FAILURES.containsKey(failure)) {
      throw new IllegalArgumentException("no simulated Google failure '" + failure + "'; known: " + FAILURES.keySet());
    }
    if (!appliesTo(failure, protocol)) {
      throw new IllegalArgumentException("Gmail has no switch that disables SMTP; '" + failure + "' is simulated for IMAP and POP3");
    }
    String token = "ya29.simulated-" + UUID.randomUUID();
    GoogleOAuthServer oauth = GoogleOAuthServer.start();
    DiagnosticContext.Builder b = DiagnosticContext.builder()
        .protocol(protocol).host("127.0.0.1").security(Security.SSL)
        .login(LOGIN)
        .provider(GoogleDiagnostics.ID)
        .tokenEndpoint(oauth.tokenEndpoint())
        .attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT, oauth.tokenInfoEndpoint())
        .clientId(CLIENT_ID).clientSecret(Secret.of("GOCSPX-simulated-secret"))
        .refreshToken(Secret.of("1//simulated-refresh-token"))
        .scope(GoogleCatalog.MAIL_SCOPE)
        .network(NetworkSettings.direct())
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust())
        .timeout(Duration.ofSeconds(5));
    GmailServers.Running mail;
    try {
      mail = configure(failure, protocol, token, oauth, b);
    } catch (RuntimeException e) {
      oauth.close();
      throw e;
    }
    return new GoogleSimulation(oauth, mail, b.port(mail.port()).build(), token);
  }

  /**
   * A healthy Gmail whose handler's administrator signs in first with {@code flow}; {@code script} says who signs
   * in and what the sign-in page does. The login's sign-in gets the token the simulated Gmail accepts.
   *
   * @param flow the sign-in flow
   * @param script who signs in and what the sign-in page does
   * @return the running simulation
   */
  public static GoogleSimulation signingIn(SignIn.Flow flow, Consumer<SimulatedSignIn> script) {
    String token = "ya29.simulated-" + UUID.randomUUID();
    GoogleOAuthServer oauth = GoogleOAuthServer.start();
    oauth.issues(token, GoogleCatalog.MAIL_SCOPE, LOGIN);
    oauth.tokensForSignIn(account -> account.equalsIgnoreCase(LOGIN) ? token : "ya29.other-account-" + UUID.randomUUID());
    oauth.signIn().user(ScriptedUser.signsInAs(LOGIN))
        .registeredRedirects(java.util.Set.of(PRODUCT_CALLBACK, "http://127.0.0.1", "http://localhost"));
    script.accept(oauth.signIn());
    DiagnosticContext.Builder b = DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("127.0.0.1").security(Security.SSL)
        .login(LOGIN)
        .provider(GoogleDiagnostics.ID)
        .tokenEndpoint(oauth.tokenEndpoint())
        .authorizationEndpoint(oauth.authorizationEndpoint())
        .attribute(GoogleDiagnostics.TOKEN_INFO_ENDPOINT, oauth.tokenInfoEndpoint())
        .clientId(CLIENT_ID).clientSecret(Secret.of("GOCSPX-simulated-secret"))
        .scope(GoogleCatalog.MAIL_SCOPE)
        .network(NetworkSettings.direct())
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust())
        .attribute(SignIn.ATTRIBUTE, SignIn.of(flow, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20)))
        .timeout(Duration.ofSeconds(5));
    if (flow == SignIn.Flow.PASTE) {
      b.redirectUri(PRODUCT_CALLBACK);
    }
    GmailServers.Running mail;
    try {
      mail = GmailServers.accepting(Protocol.IMAP, LOGIN, token);
    } catch (RuntimeException e) {
      oauth.close();
      throw e;
    }
    return new GoogleSimulation(oauth, mail, b.port(mail.port()).build(), token);
  }

  /** The handler's own OAuth callback, which the paste sign-in returns to. */
  static final String PRODUCT_CALLBACK = "https://jira.example.com/plugins/servlet/oauth/callback";

  private static GmailServers.Running configure(String failure, Protocol protocol, String token, GoogleOAuthServer oauth,
      DiagnosticContext.Builder b) {
    switch (failure) {
      case Scenario.HEALTHY:
        oauth.issues(token, GoogleCatalog.MAIL_SCOPE, LOGIN);
        return GmailServers.accepting(protocol, LOGIN, token);
      case RootCause.SCOPES:
        b.scopes(List.of(GMAIL_API_SCOPE));
        oauth.issues(token, GMAIL_API_SCOPE, LOGIN);
        return GmailServers.refusing(protocol, "400");
      case RootCause.REFRESH_TOKEN_INVALID:
        oauth.refuses(400, "invalid_grant", "Token has been expired or revoked.");
        return GmailServers.refusing(protocol, "401");
      case RootCause.CLIENT_SECRET_INVALID:
        oauth.refuses(401, "invalid_client", "Unauthorized");
        return GmailServers.refusing(protocol, "401");
      case RootCause.APP_NOT_FOUND:
        oauth.refuses(401, "invalid_client", "The OAuth client was not found.");
        return GmailServers.refusing(protocol, "401");
      case RootCause.ADMIN_POLICY_BLOCKED:
        oauth.refuses(400, "admin_policy_enforced",
            "Access to your account data is restricted by policies within your organization. Please contact the administrator for example.com for more information.");
        return GmailServers.refusing(protocol, "401");
      case RootCause.ACCESS_TOKEN_EXPIRED:
        // a handler holding only an access token: nothing to refresh it with, and token-info refuses it
        b.refreshToken(null).clientSecret(null).accessToken(Secret.of("ya29.expired-" + UUID.randomUUID()));
        return GmailServers.refusing(protocol, "401");
      case RootCause.WRONG_USER_AUTHORIZED:
        oauth.issues(token, GoogleCatalog.MAIL_SCOPE, OTHER_ACCOUNT);
        return GmailServers.refusing(protocol, "400");
      case RootCause.MAILBOX_PERMISSION:
        b.mailbox(SHARED_MAILBOX);
        oauth.issues(token, GoogleCatalog.MAIL_SCOPE, LOGIN);
        return GmailServers.refusing(protocol, "400");
      case RootCause.PROTOCOL_DISABLED:
        oauth.issues(token, GoogleCatalog.MAIL_SCOPE, LOGIN);
        return GmailServers.answering(protocol, switch (protocol) {
          case IMAP -> "{tag} NO [ALERT] IMAP access is disabled for your domain. Please contact your domain administrator for questions about this feature. (Failure)";
          case POP3 -> "-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.";
          case SMTP -> throw new IllegalArgumentException("refused by appliesTo");
        });
      case RootCause.BASIC_AUTH_REJECTED:
        // a handler on basic authentication: the account password, no token, no client secret to get one
        b.refreshToken(null).clientSecret(null).password(Secret.of("correct-horse-helpdesk-7"));
        return GmailServers.refusingPassword(protocol);
      case RootCause.THROTTLED:
        oauth.issues(token, GoogleCatalog.MAIL_SCOPE, LOGIN);
        return GmailServers.answering(protocol, switch (protocol) {
          case IMAP -> "{tag} NO [ALERT] Too many simultaneous connections. (Failure)";
          case POP3 -> "-ERR [SYS/TEMP] Too many simultaneous connections.";
          case SMTP -> "454 4.7.0 Too many login attempts, please try again later. a1sm1234567wrb.0 - gsmtp";
        });
      default:
        throw new IllegalArgumentException(failure);
    }
  }

  @Override
  public DiagnosticContext context() {
    return context;
  }

  /** The access token the simulated token endpoint issues; the healthy mail server accepts it. */
  @Override
  public java.util.Optional<Secret> accessToken() {
    return java.util.Optional.of(Secret.of(issuedToken));
  }

  /** The default secrets and those the sign-ins handled (codes, verifiers, tokens). */
  @Override
  public List<Secret> secrets() {
    List<Secret> all = new java.util.ArrayList<>(Simulation.super.secrets());
    oauth.signIn().secrets().forEach(v -> all.add(Secret.of(v)));
    return List.copyOf(all);
  }

  /** The healthy mailbox (GreenMail) as its server saw it; failure modes have no mailbox to reach. */
  @Override
  public java.util.Optional<dev.maildiag.testkit.MailboxWitness> mailbox() {
    return mail.mailbox();
  }

  /**
   * The simulated token and token-info endpoints, to script more.
   *
   * @return the token and token-info endpoints
   */
  public GoogleOAuthServer oauth() {
    return oauth;
  }

  @Override
  public void close() {
    try {
      mail.close();
    } finally {
      oauth.close();
    }
  }
}
