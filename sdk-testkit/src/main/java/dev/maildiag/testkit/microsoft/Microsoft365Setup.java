package dev.maildiag.testkit.microsoft;

import dev.maildiag.api.DiagnosticContext.HostProduct;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Key;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.microsoft.MicrosoftCloud;
import dev.maildiag.microsoft.MicrosoftClouds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a simulated Microsoft 365 is made of: the tenant and its app registration, the mail
 * handler's configuration, what the identity platform does, and the state of the Exchange Online
 * mailbox. Starts healthy; a failure mode ({@link Microsoft365Failures}) changes what it breaks.
 * Fields are public on purpose: a test scripts the simulation by setting them, like a fixture.
 */
public final class Microsoft365Setup {
  // the tenant and the app registration
  /**
   * The cloud the tenant lives in.
   */
  public MicrosoftCloud cloud = MicrosoftClouds.WORLDWIDE;
  /**
   * The tenant id (a GUID).
   */
  public String tenantId = "5f1c8a3e-2b7d-4c9a-9e61-0d4b7a2c8f13";
  /**
   * The tenant's initial domain.
   */
  public String domain = "contoso.onmicrosoft.com";
  /**
   * The app registration's client id.
   */
  public String clientId = "0a9d6c2e-7f41-4b58-8c3d-61e2f5a7b904";
  /**
   * The app's client secret, as the handler holds it.
   */
  public String clientSecret = "simClientSecretValue1";
  /**
   * The refresh token the handler stored when the mailbox was authorized.
   */
  public String refreshToken = "simRefreshToken1";

  // the mail handler's configuration
  /**
   * The protocol the handler reads mail with.
   */
  public Protocol protocol = Protocol.IMAP;
  /**
   * The account that authorizes (the handler's login).
   */
  public String login = "helpdesk@contoso.onmicrosoft.com";
  /**
   * The mailbox read when it is not the login's own (a shared mailbox), else null.
   */
  public String mailbox;
  /**
   * The folder the handler reads.
   */
  public String folder = "INBOX";
  /** The cloud the handler declares; null leaves it to be inferred. */
  public String declaredCloud = "worldwide";
  /** The tenant segment of the configured endpoints: the tenant id, {@code common} or {@code organizations}. */
  public String endpointTenant = tenantId;
  /**
   * The scopes the handler asks for.
   */
  public List<String> scopes = new ArrayList<>();
  /** App-only access: client credentials, no refresh token. */
  public boolean appOnly;
  /** Configure an access token instead of a refresh token (it is what the handler holds). */
  public boolean accessTokenOnly;
  /**
   * The mailbox password of a handler still on basic authentication; set, the handler holds no OAuth token
   * or client secret and Exchange answers its password login.
   */
  public String password;
  /** A real mail host name to configure instead of the simulated server; live stages are then left out. */
  public String configuredHost;
  /**
   * The host product (e.g. Jira) and its version, or null.
   */
  public HostProduct product;
  /**
   * Further context attributes, e.g. of an add-on's own checks.
   */
  public final Map<Key<?>, Object> attributes = new LinkedHashMap<>();
  /**
   * The stages the simulation is diagnosed with.
   */
  public Set<Stage> stages = EnumSet.allOf(Stage.class);
  /** Checks left out, e.g. those that would connect to a real host named in {@link #configuredHost}. */
  public final Set<String> excludedChecks = new java.util.LinkedHashSet<>();
  /** The JVM's proxy settings the handler runs with. */
  public NetworkSettings network = NetworkSettings.direct();
  /** The product runs on two nodes behind a load balancer: sticky (true), round-robin (false), or no cluster (null). */
  public Boolean clusterSticky;
  /** The JVM sends the token request and the mail connection through an HTTP proxy that answers 403 to CONNECT. */
  public boolean proxyDenies;
  /** A firewall drops traffic to the identity platform. */
  public boolean identityBlocked;
  /** A firewall drops traffic to the mail port. */
  public boolean mailBlocked;

  // what the identity platform does
  /** Who signs in when the mailbox is authorized; another account than the login when a browser session is reused. */
  public String signedInUser = login;
  /** The permissions the issued token carries; null means: those the configured scopes ask for. */
  public List<String> grantedPermissions;
  /** The token's audience; null means the cloud's mail resource. */
  public String tokenAudience;
  /**
   * When the issued token expires; null means an hour from now.
   */
  public Instant tokenExpires;
  /** A refusal: HTTP status and body (see {@link SimulatedIdentityPlatform#aadsts}); 0 means the token is issued. */
  public int refusalStatus;
  /**
   * The refusal's JSON body, or null when the token is issued.
   */
  public String refusalBody;
  /** Refuse only at this endpoint tenant segment, issuing at the others (single-tenant apps refuse /common). */
  public String refuseOnlyAt;

  // an interactive sign-in before the diagnosis (SignIn), instead of the handler's stored refresh token
  /** The flow to sign in with first; null uses the handler's stored refresh token. */
  public SignIn.Flow signIn;
  /** Who signs in and what they do; null: the login signs in and consents. */
  public ScriptedUser scriptedUser;
  /** The sign-in page's refusal before anyone signs in ({@code AADSTSnnnn: ...}), e.g. an unknown app or tenant. */
  public String signInPageRefusal;
  /** Whether the app registration allows public client flows (the device flow needs it). */
  public boolean publicClientFlows = true;
  /** The handler's own redirect URI (the paste sign-in returns there). */
  public String redirectUri = "https://jira.contoso.com/plugins/servlet/oauth/callback";
  /** The redirect URIs the app registers: the handler's and the loopback ones of a desktop client. */
  public Set<String> registeredRedirects = new java.util.LinkedHashSet<>(List.of(
      "https://jira.contoso.com/plugins/servlet/oauth/callback", "http://127.0.0.1", "http://localhost"));

  // the Exchange Online mailbox
  /**
   * Whether the mailbox has an Exchange Online licence.
   */
  public boolean licensed = true;
  /** Protocols disabled for the mailbox ({@code Set-CASMailbox -ImapEnabled $false}, ...). */
  public final Set<Protocol> disabledProtocols = java.util.EnumSet.noneOf(Protocol.class);
  /**
   * Whether SMTP AUTH is enabled for the mailbox ({@code Set-CASMailbox -SmtpClientAuthenticationDisabled $false}).
   */
  public boolean smtpAuthEnabled = true;
  /** Whether the signed-in user has Full Access to the mailbox when it is not their own. */
  public boolean fullAccess;
  /**
   * Whether a client access rule blocks the protocol.
   */
  public boolean clientAccessRuleBlocks;
  /** Folder names and message counts as Exchange lists them. */
  public final Map<String, Integer> folders = new LinkedHashMap<>(Map.of("INBOX", 12));
  /** Exchange throttles the session (a flooded mailbox). */
  public boolean throttled;

  Microsoft365Setup() {}

  /**
   * The healthy setup of a cloud and protocol.
   *
   * @param cloud the cloud
   * @param protocol the protocol
   * @return a new setup with the cloud's delegated scope for the protocol and {@code offline_access}
   */
  public static Microsoft365Setup healthy(MicrosoftCloud cloud, Protocol protocol) {
    Microsoft365Setup s = new Microsoft365Setup();
    s.cloud = cloud;
    s.declaredCloud = cloud.id();
    s.protocol = protocol;
    s.scopes = new ArrayList<>(List.of(cloud.delegatedScope(protocol), MicrosoftCloud.OFFLINE_ACCESS));
    return s;
  }

  /**
   * The mailbox the handler reads.
   *
   * @return the mailbox, or the login when none is set
   */
  public String effectiveMailbox() {
    return mailbox == null ? login : mailbox;
  }

  /**
   * Switches to app-only access: client credentials with {@code /.default} and the protocol's application role.
   *
   * @return this setup
   */
  public Microsoft365Setup appOnly() {
    appOnly = true;
    scopes = new ArrayList<>(List.of(cloud.appOnlyScope()));
    return this;
  }
}
