package dev.maildiag.api.internal.run;

import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of root causes: the built-in ids (public API from 0.1.0) plus those that providers add.
 * The numbers in brackets are the root causes of the Atlassian knowledge-base article maildiag starts from.
 */
public final class RootCauses {
  public static final String SCOPES = "scopes"; // [1]
  public static final String PROTOCOL_DISABLED = "protocol-disabled"; // [2]
  public static final String MAILBOX_PERMISSION = "mailbox-permission"; // [3]
  public static final String NO_LICENSE = "no-license"; // [4]
  public static final String INBOX_FOLDER_MISSING = "inbox-folder-missing"; // [5]
  public static final String CLIENT_ACCESS_RULE = "client-access-rule"; // [6]
  public static final String NETWORK_BLOCKED = "network-blocked"; // [7]
  public static final String SINGLE_TENANT_ENDPOINT = "single-tenant-endpoint"; // [8]
  public static final String CLOUD_MISMATCH = "cloud-mismatch"; // [9]
  public static final String POP_OAUTH_FORMAT = "pop-oauth-format"; // [10]
  public static final String WRONG_USER_AUTHORIZED = "wrong-user-authorized"; // [11]
  public static final String MULTI_CHANNEL_BETA = "multi-channel-beta"; // [12]
  public static final String SESSION_STICKINESS = "session-stickiness"; // [13]
  public static final String CLIENT_SECRET_EXPIRED = "client-secret-expired"; // [14]
  public static final String INBOX_FLOODED = "inbox-flooded"; // [15]
  public static final String PROXY_BLOCKING = "proxy-blocking"; // [16]
  public static final String CLIENT_SECRET_INVALID = "client-secret-invalid";
  public static final String CONSENT_REQUIRED = "consent-required";
  public static final String CONDITIONAL_ACCESS = "conditional-access";
  public static final String REFRESH_TOKEN_INVALID = "refresh-token-invalid";
  public static final String ACCESS_TOKEN_EXPIRED = "access-token-expired";
  public static final String ACCESS_TOKEN_INVALID = "access-token-invalid";
  public static final String REDIRECT_URI_MISMATCH = "redirect-uri-mismatch";
  public static final String APP_NOT_FOUND = "app-not-found";
  public static final String TENANT_NOT_FOUND = "tenant-not-found";
  public static final String SMTP_AUTH_DISABLED = "smtp-auth-disabled";
  public static final String BASIC_AUTH_REJECTED = "basic-auth-rejected";
  public static final String ADMIN_POLICY_BLOCKED = "admin-policy-blocked";
  public static final String TLS_CERTIFICATE = "tls-certificate";
  public static final String TLS_MODE_MISMATCH = "tls-mode-mismatch";
  public static final String DNS_FAILURE = "dns-failure";
  public static final String THROTTLED = "throttled";
  public static final String APP_UNVERIFIED = "app-unverified";
  public static final String HOST_PRODUCT_UNSUPPORTED = "host-product-unsupported";
  public static final String INVALID_CONFIGURATION = "invalid-configuration";
  public static final String XOAUTH2_NOT_OFFERED = "xoauth2-not-offered";
  public static final String NOT_A_MAIL_SERVER = "not-a-mail-server";
  public static final String SERVER_FAILURE = "server-failure";

  private static final List<RootCause> BUILT_IN = List.of(
      rc(SCOPES, "The OAuth scopes are wrong for the provider, cloud or protocol",
          "The token was requested without the mail protocol's permission (e.g. Graph's Mail.Read instead of IMAP.AccessAsUser.All, a .com resource in a .us cloud, or no offline_access).",
          "Configure exactly the scopes the provider documents for the protocol and cloud.",
          "Authorize the mailbox again so that a token with the new scopes is issued."),
      rc(PROTOCOL_DISABLED, "IMAP or POP is disabled for the mailbox",
          "The server accepts the token but refuses the protocol for this mailbox or organisation.",
          "Enable the protocol for the mailbox (Microsoft: Set-CASMailbox -ImapEnabled/-PopEnabled $true; Gmail: Settings > Forwarding and POP/IMAP).",
          "Wait for the change to reach the servers (up to an hour) and test again."),
      rc(MAILBOX_PERMISSION, "The authorizing user has no Full Access to the mailbox",
          "The mailbox is shared or belongs to someone else, and the account that authorized it has no delegated Full Access.",
          "Grant the authorizing user (or the app's service principal) Full Access to the mailbox.",
          "Authorize the mailbox again."),
      rc(NO_LICENSE, "The account has no mailbox licence",
          "The account exists but has no licence that includes Exchange Online, so there is no mailbox to open.",
          "Assign a licence that includes Exchange Online to the account, or use a shared mailbox with delegated access."),
      rc(INBOX_FOLDER_MISSING, "There is no folder with the configured name (e.g. a localized Inbox)",
          "The server lists no folder with the configured name; mailboxes in other languages may name the inbox differently.",
          "Use the folder name the server lists, or create a folder with the expected name (e.g. \"Inbox\")."),
      rc(CLIENT_ACCESS_RULE, "A client access rule or policy blocks the protocol",
          "The login is accepted and then the server refuses to serve the session (\"User is authenticated but not connected\").",
          "Add the protocol (e.g. IMAP4) to the allowed client access rules, or remove the blocking rule."),
      rc(NETWORK_BLOCKED, "A firewall or the network blocks the connection",
          "The mail or identity host cannot be reached on its port from where the handler runs.",
          "Ask the firewall administrator to allow outbound TCP from this host to the mail host and port, and to the identity host on 443."),
      rc(SINGLE_TENANT_ENDPOINT, "A single-tenant app is used with the common or organizations endpoint",
          "The app registration is single-tenant, so the /common or /organizations authority cannot be used.",
          "Use the tenant-specific authorization and token endpoints (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/...), or make the app multi-tenant."),
      rc(CLOUD_MISMATCH, "Hosts, authority and scopes belong to different clouds",
          "The mail host, the sign-in authority and the scope resource must all belong to the same cloud (Worldwide/GCC, GCC High, DoD, China).",
          "Use the mail host, authority and scopes of the account's cloud.",
          "Check that the host product supports that cloud."),
      rc(POP_OAUTH_FORMAT, "POP3 with OAuth needs the two-line AUTH format, or the product does not support it",
          "Exchange Online expects AUTH XOAUTH2 followed by the token on a second line.",
          "Enable the two-line authentication format (Jira: 'Use two line authentication format'; Jakarta Mail: mail.pop3.auth.xoauth2.two.line.authentication.format=true).",
          "Upgrade the host product to a version that supports POP3 with OAuth 2.0."),
      rc(WRONG_USER_AUTHORIZED, "A different account signed in when the mailbox was authorized",
          "The token belongs to another user than the configured login or mailbox, often because the browser reused a signed-in session.",
          "Authorize the mailbox again in a private browser window, signing in as the mailbox's user."),
      rc(MULTI_CHANNEL_BETA, "The beta multi-channel email feature of Jira Service Management is in use",
          "The beta multi-channel feature (JSM 4.18 dark feature) fails to configure a second OAuth channel.",
          "Upgrade Jira Service Management to 4.22.0 or later and use the released multi-channel feature."),
      rc(SESSION_STICKINESS, "The load balancer moved the user to another cluster node during authorization",
          "The OAuth flow must start and finish on the same node; the load balancer is not sticky, or routes internal REST calls elsewhere.",
          "Configure session stickiness on the load balancer.",
          "Route only external REST API traffic to dedicated nodes."),
      rc(CLIENT_SECRET_EXPIRED, "The OAuth client secret has expired",
          "The app registration's client secret is past its expiry date.",
          "Create a new client secret in the app registration and update it in the mail handler's OAuth configuration."),
      rc(INBOX_FLOODED, "The folder holds or receives very many messages",
          "A very large or fast-growing folder makes connection tests and polling time out.",
          "Move old or bounce messages to another folder, then authorize and test again."),
      rc(PROXY_BLOCKING, "An outbound proxy blocks or intercepts the connection",
          "The JVM sends mail or identity traffic through a proxy that refuses, needs credentials, or cannot tunnel it.",
          "Either route mail through the proxy (-Dmail.<protocol>.proxy.host/port) or exempt the hosts (-Dhttp.nonProxyHosts=...)."),
      rc(CLIENT_SECRET_INVALID, "The client secret is wrong",
          "The token endpoint rejects the client secret (a secret id pasted instead of its value, or a typo).",
          "Copy the secret's value (not its id) from the app registration into the configuration."),
      rc(CONSENT_REQUIRED, "The user or an administrator has not consented to the app's permissions",
          "The identity platform needs consent to the requested permissions before it issues a token.",
          "Have an administrator grant consent to the app's permissions, then authorize again."),
      rc(CONDITIONAL_ACCESS, "A conditional-access or MFA policy blocks the sign-in",
          "The organisation's sign-in policy (MFA, device, location) does not allow this sign-in.",
          "Ask the identity administrator to review the sign-in logs and the policy for this app and user."),
      rc(REFRESH_TOKEN_INVALID, "The refresh token is expired, revoked or invalid",
          "The stored refresh token can no longer be used (expired by inactivity, password change, revocation).",
          "Authorize the mailbox again to obtain a new refresh token."),
      rc(ACCESS_TOKEN_EXPIRED, "The access token has expired",
          "The access token's expiry time has passed.",
          "Refresh the access token before connecting; check that the server's clock is right."),
      rc(ACCESS_TOKEN_INVALID, "The server does not accept the access token as valid",
          "The token is refused although it is readable and unexpired: its signature, signing key (kid), issuer or audience is not "
              + "the one the server trusts, or it is not valid yet.",
          "Obtain the token from the identity provider (and tenant) the mail server trusts, for the audience it expects.",
          "If the identity provider rotated its signing keys, make the mail server fetch the new keys (JWKS).",
          "Check the clocks of this machine, the identity provider and the mail server (a token is not valid before its nbf)."),
      rc(REDIRECT_URI_MISMATCH, "The redirect URI is not registered for the app",
          "The redirect URI the product sends does not match any registered for the app.",
          "Register the product's exact redirect URI in the app registration."),
      rc(APP_NOT_FOUND, "The OAuth app (client id) is not known in this directory",
          "The client id does not exist in the tenant or cloud, or was typed wrong.",
          "Check the client id, the tenant and the cloud of the app registration."),
      rc(TENANT_NOT_FOUND, "The tenant does not exist in this cloud",
          "The tenant id or domain in the endpoints is wrong or belongs to another cloud.",
          "Use the tenant id (GUID) of the directory that holds the app, on the right cloud's authority."),
      rc(SMTP_AUTH_DISABLED, "SMTP AUTH is disabled for the mailbox or organisation",
          "Authenticated SMTP submission is turned off, so XOAUTH2 on SMTP is refused.",
          "Enable SMTP AUTH for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false)."),
      rc(BASIC_AUTH_REJECTED, "A password was sent where OAuth is required",
          "The server refuses basic (password) authentication; the handler must use OAuth 2.0.",
          "Switch the mail handler to OAuth 2.0 (XOAUTH2) authentication."),
      rc(ADMIN_POLICY_BLOCKED, "An administrator policy blocks the app",
          "The organisation's administrator has not allowed this OAuth app or this kind of access.",
          "Ask the administrator to allow (trust) the app for the organisation."),
      rc(TLS_CERTIFICATE, "The server certificate is not trusted",
          "The certificate is untrusted, expired or issued for another host, often because a proxy or firewall intercepts TLS.",
          "Import the issuing CA certificate into the JVM's trust store (keytool -importcert -cacerts), or stop the interception for this host."),
      rc(TLS_MODE_MISMATCH, "TLS, STARTTLS or plain text is wrong for the port or server",
          "The configured security does not match what the server speaks on that port.",
          "Use SSL/TLS on 993, 995 and 465; STARTTLS on 143, 110 and 587."),
      rc(DNS_FAILURE, "A host name does not resolve",
          "The mail or identity host name cannot be resolved from where the handler runs.",
          "Check the host name for typos and ask the network administrator to check DNS for this host."),
      rc(THROTTLED, "The provider throttles the account or connection",
          "Too many connections, requests or too much bandwidth: the provider refuses for a while.",
          "Reduce the polling frequency and the number of concurrent connections, then wait and retry."),
      rc(APP_UNVERIFIED, "The OAuth app is unverified or in testing and the user may not use it",
          "The app is in a testing or unverified state that limits who may sign in and for how long tokens last.",
          "Publish and verify the app, or add the user as a test user."),
      rc(HOST_PRODUCT_UNSUPPORTED, "The host product's version does not support this configuration",
          "The product (e.g. Jira or Jira Service Management) is too old for OAuth with this protocol or cloud.",
          "Upgrade the product to a version that supports the configuration."),
      rc(INVALID_CONFIGURATION, "The configuration is incomplete or malformed",
          "A required setting is missing or cannot be parsed.",
          "Fill in the missing setting or correct its format."),
      rc(XOAUTH2_NOT_OFFERED, "The server does not offer XOAUTH2",
          "The server does not advertise SASL XOAUTH2, so it cannot accept an OAuth token (or TLS must come first).",
          "Check the host name and port: they must be the provider's mail server; use TLS or STARTTLS as required."),
      rc(NOT_A_MAIL_SERVER, "Something other than the mail server answers on this port",
          "The port accepts TCP but does not speak the mail protocol: a firewall, proxy or load balancer is intercepting.",
          "Ask the network administrator what intercepts traffic to this host and port; a successful telnet proves nothing."),
      rc(SERVER_FAILURE, "The mail or identity server itself fails",
          "The server answered, but failed on its own side: an internal error, or something behind it (its relay, storage or "
              + "identity back end) is down. Nothing in the handler's configuration causes or fixes it.",
          "Give the server's administrator the exact answer (see the evidence) and the time it was seen.",
          "Try again later; if it persists, ask the provider's status page or support."));

  private static final Map<String, RootCause> REGISTRY = new LinkedHashMap<>();

  static {
    BUILT_IN.forEach(rc -> REGISTRY.put(rc.id(), rc));
  }

  private RootCauses() {}

  private static RootCause rc(String id, String title, String meaning, String... steps) {
    return new RootCause(id, title, meaning, new Remediation(List.of(steps), List.of()));
  }

  /** The built-in root causes, in the article's order followed by the rest. */
  public static List<RootCause> builtIn() {
    return BUILT_IN;
  }

  /** Looks up a root cause by id, among built-in and registered ones. */
  public static synchronized Optional<RootCause> find(String id) {
    return Optional.ofNullable(REGISTRY.get(id));
  }

  /** All root causes known now, built-in first. */
  public static synchronized Collection<RootCause> all() {
    return List.copyOf(REGISTRY.values());
  }

  /**
   * Adds a provider's root cause. Registering an id that exists is allowed only with the same title,
   * so two providers cannot give one id two meanings.
   */
  public static synchronized void register(RootCause rootCause) {
    RootCause existing = REGISTRY.get(rootCause.id());
    if (existing != null && !existing.title().equals(rootCause.title())) {
      throw new IllegalArgumentException("root cause '" + rootCause.id() + "' is already registered as: " + existing.title());
    }
    REGISTRY.putIfAbsent(rootCause.id(), rootCause);
  }
}
