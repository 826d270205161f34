package dev.maildiag.testkit.microsoft;

import dev.maildiag.api.DiagnosticContext.HostProduct;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.microsoft.HostProductSupport;
import dev.maildiag.microsoft.MicrosoftClouds;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import static dev.maildiag.testkit.microsoft.SimulatedIdentityPlatform.aadsts;

/**
 * One switch per failure mode, named by the root-cause id it reproduces: what it changes in a healthy
 * {@link Microsoft365Setup}. The identity platform's error texts are Entra's own (reference-error-codes).
 */
public final class Microsoft365Failures {
  /** A failure mode: what it simulates and how. */
  public record Failure(String id, String description, Consumer<Microsoft365Setup> apply) {}

  private static final Map<String, Failure> ALL = new LinkedHashMap<>();

  static {
    // configuration
    add(RootCause.SCOPES, "Graph's Mail.Read configured instead of IMAP.AccessAsUser.All; the token is for Graph", s -> {
      s.scopes = List.of("https://graph.microsoft.com/Mail.Read", "offline_access");
      s.tokenAudience = "https://graph.microsoft.com";
      s.grantedPermissions = List.of("Mail.Read");
    });
    add(RootCause.CLOUD_MISMATCH, "A GCC High tenant with the handler pointed at the worldwide mail host (configuration and token stages only)", s -> {
      s.cloud = MicrosoftClouds.GCC_HIGH;
      s.declaredCloud = "gcc-high";
      s.scopes = List.of(MicrosoftClouds.GCC_HIGH.delegatedScope(s.protocol), "offline_access");
      s.configuredHost = "outlook.office365.com";
      // never connect to the real host: configuration and token checks only
      s.stages = EnumSet.of(Stage.CONFIG, Stage.OAUTH);
      s.excludedChecks.addAll(List.of("oauth.xoauth2", "microsoft.other-protocols"));
    });
    add(RootCause.SINGLE_TENANT_ENDPOINT, "A single-tenant app used with the /common endpoints (AADSTS50194)", s -> {
      s.endpointTenant = "common";
      s.refuseOnlyAt = "common";
      refuse(s, 400, aadsts(50194, "invalid_request", "Application '" + s.clientId + "'(Jira Mail) is not configured as a multi-tenant "
          + "application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. "
          + "Use a tenant-specific endpoint or configure the application to be multi-tenant."));
    });
    add(RootCause.HOST_PRODUCT_UNSUPPORTED, "Jira 8.5.0, older than OAuth 2.0 mail handlers (8.10.0)", s ->
        s.product = new HostProduct("jira", "8.5.0", "data-center"));
    add(RootCause.POP_OAUTH_FORMAT, "POP3 with OAuth 2.0 on Jira 8.13.2 (supported from 8.13.4)", s -> {
      s.protocol = Protocol.POP3;
      s.scopes = List.of(s.cloud.delegatedScope(Protocol.POP3), "offline_access");
      s.product = new HostProduct("jira", "8.13.2", "data-center");
    });
    add(RootCause.MULTI_CHANNEL_BETA, "Two OAuth 2.0 email channels on JSM 4.20.0, which only has the multi-channel beta", s -> {
      s.product = new HostProduct("jira-service-management", "4.20.0", "data-center");
      s.attributes.put(HostProductSupport.OAUTH_MAIL_CHANNELS, 2);
    });
    // identity platform
    add(RootCause.CLIENT_SECRET_EXPIRED, "The app's client secret has expired (AADSTS7000222)", s ->
        refuse(s, 401, aadsts(7000222, "invalid_client", "The provided client secret keys for app '" + s.clientId + "' are expired. "
            + "Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
            + "credentials for added security: https://aka.ms/certCreds.")));
    add(RootCause.CLIENT_SECRET_INVALID, "The secret's id was pasted instead of its value (AADSTS7000215)", s ->
        refuse(s, 401, aadsts(7000215, "invalid_client", "Invalid client secret provided. Ensure the secret being sent in the request is "
            + "the client secret value, not the client secret ID, for a secret added to app '" + s.clientId + "'.")));
    add(RootCause.APP_NOT_FOUND, "The client id is not registered in the tenant (AADSTS700016)", s ->
        refuse(s, 400, aadsts(700016, "unauthorized_client", "Application with identifier '" + s.clientId + "' was not found in the "
            + "directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or "
            + "consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")));
    add(RootCause.TENANT_NOT_FOUND, "The tenant in the endpoints does not exist (AADSTS90002)", s ->
        refuse(s, 400, aadsts(90002, "invalid_request", "Tenant '" + s.tenantId + "' not found. Check to make sure you have the correct "
            + "tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there "
            + "are no active subscriptions for the tenant.")));
    add(RootCause.CONSENT_REQUIRED, "Nobody consented to the app's permissions (AADSTS65001)", s ->
        refuse(s, 400, aadsts(65001, "invalid_grant", "The user or administrator has not consented to use the application with ID '"
            + s.clientId + "' named 'Jira Mail'. Send an interactive authorization request for this user and resource.")));
    add(RootCause.CONDITIONAL_ACCESS, "A conditional-access policy blocks the sign-in (AADSTS53003)", s ->
        refuse(s, 400, aadsts(53003, "invalid_grant", "Access has been blocked by Conditional Access policies. The access policy does "
            + "not allow token issuance.")));
    add(RootCause.REFRESH_TOKEN_INVALID, "The refresh token expired after 90 days without use (AADSTS700082)", s ->
        refuse(s, 400, aadsts(700082, "invalid_grant", "The refresh token has expired due to inactivity. The token was issued on "
            + "2026-08-01T09:12:44Z and was inactive for 90.00:00:00.")));
    add(RootCause.ADMIN_POLICY_BLOCKED, "The app registration is disabled in the tenant (AADSTS7000112)", s ->
        refuse(s, 400, aadsts(7000112, "unauthorized_client", "Application '" + s.clientId + "'(Jira Mail) is disabled.")));
    add(RootCause.ACCESS_TOKEN_EXPIRED, "The handler holds only an access token, and it has expired", s -> {
      s.accessTokenOnly = true;
      s.tokenExpires = Instant.now().minusSeconds(2 * 3600);
    });
    // network
    add(RootCause.NETWORK_BLOCKED, "A firewall rejects outbound connections to the identity platform and the mail port", s -> {
      s.identityBlocked = true;
      s.mailBlocked = true;
    });
    add(RootCause.PROXY_BLOCKING, "An outbound proxy (https.proxyHost, mail.imaps.proxy.host) answers 403 to the tunnels; no nonProxyHosts exemption", s ->
        s.proxyDenies = true);
    add(RootCause.SESSION_STICKINESS, "Jira Data Center on two nodes behind a round-robin load balancer that ignores the session", s ->
        s.clusterSticky = false);
    // Exchange Online mailbox
    add(RootCause.PROTOCOL_DISABLED, "IMAP is disabled for the mailbox (Set-CASMailbox -ImapEnabled $false); POP is not", s -> {
      bothReadProtocols(s);
      s.disabledProtocols.add(Protocol.IMAP);
    });
    add(RootCause.NO_LICENSE, "The account has no Exchange Online licence, so no mailbox on any protocol", s -> {
      bothReadProtocols(s);
      s.licensed = false;
    });
    add(RootCause.MAILBOX_PERMISSION, "The shared mailbox support@ is read with helpdesk@'s token, and helpdesk@ has no Full Access", s ->
        s.mailbox = "support@contoso.onmicrosoft.com");
    add(RootCause.CLIENT_ACCESS_RULE, "A client access rule blocks IMAP4: login succeeds, then 'User is authenticated but not connected'", s ->
        s.clientAccessRuleBlocks = true);
    add(RootCause.SMTP_AUTH_DISABLED, "SMTP AUTH is disabled for the tenant (5.7.139)", s -> {
      s.protocol = Protocol.SMTP;
      s.scopes = List.of(s.cloud.delegatedScope(Protocol.SMTP), "offline_access");
      s.smtpAuthEnabled = false;
    });
    add(RootCause.BASIC_AUTH_REJECTED, "The handler still logs in with the mailbox password; Exchange Online refuses basic authentication", s ->
        s.password = "Summer2026!helpdesk");
    add(RootCause.INBOX_FOLDER_MISSING, "A German mailbox lists 'Posteingang' but the handler reads 'Inbox'", s -> {
      s.folder = "Inbox";
      s.folders.clear();
      s.folders.putAll(Map.of("Posteingang", 12, "Gesendete Elemente", 3, "Archiv", 0));
    });
    add(RootCause.INBOX_FLOODED, "The inbox holds 48,213 messages (bounce storm)", s -> s.folders.put("INBOX", 48_213));
    add(RootCause.WRONG_USER_AUTHORIZED, "The browser signed in the admin's own account when the mailbox was authorized", s ->
        s.signedInUser = "it-admin@contoso.onmicrosoft.com");
  }

  private Microsoft365Failures() {}

  private static void add(String id, String description, Consumer<Microsoft365Setup> apply) {
    ALL.put(id, new Failure(id, description, apply));
  }

  /** The scopes Atlassian's KB recommends: IMAP and POP together, so either protocol can be tried. */
  private static void bothReadProtocols(Microsoft365Setup s) {
    s.scopes = List.of(s.cloud.delegatedScope(Protocol.IMAP), s.cloud.delegatedScope(Protocol.POP3), "offline_access");
  }

  private static void refuse(Microsoft365Setup s, int status, String body) {
    s.refusalStatus = status;
    s.refusalBody = body;
  }

  /**
   * Every failure mode, in the order above.
   *
   * @return the failure modes
   */
  public static List<Failure> all() {
    return List.copyOf(ALL.values());
  }

  /**
   * The root-cause ids of every failure mode.
   *
   * @return the ids, in the order of {@link #all()}
   */
  public static Set<String> ids() {
    return ALL.keySet();
  }

  /**
   * The failure mode with this root-cause id.
   *
   * @param id a root-cause id
   * @return the failure mode
   * @throws IllegalArgumentException when no failure mode has this id
   */
  public static Failure of(String id) {
    Failure f = ALL.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no simulated Microsoft 365 failure '" + id + "'; known: " + ALL.keySet());
    }
    return f;
  }
}
