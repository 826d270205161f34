package dev.maildiag.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A known reason why a mail handler fails, with a stable id. Ids are public API: they never change
 * meaning once released.
 *
 * @param id stable, lower-case, hyphenated id such as {@code protocol-disabled}
 * @param title one line naming the problem in the user's words
 * @param meaning what is wrong and how maildiag detects it
 * @param remediation the generic fix; findings may carry a more specific one
 */
public record RootCause(String id, String title, String meaning, Remediation remediation) {
  // The built-in ids, public API from 0.1.0; their titles, meanings and generic fixes come with the core
  // checks. "KB n" is root cause n of the Atlassian knowledge-base article maildiag starts from.
  /** {@value}: The OAuth scopes are wrong for the provider, cloud or protocol (KB 1). */
  public static final String SCOPES = "scopes";
  /** {@value}: IMAP or POP is disabled for the mailbox (KB 2). */
  public static final String PROTOCOL_DISABLED = "protocol-disabled";
  /** {@value}: The authorizing user has no Full Access to the mailbox (KB 3). */
  public static final String MAILBOX_PERMISSION = "mailbox-permission";
  /** {@value}: The account has no mailbox licence (KB 4). */
  public static final String NO_LICENSE = "no-license";
  /** {@value}: There is no folder with the configured name (e.g. a localized Inbox) (KB 5). */
  public static final String INBOX_FOLDER_MISSING = "inbox-folder-missing";
  /** {@value}: A client access rule or policy blocks the protocol (KB 6). */
  public static final String CLIENT_ACCESS_RULE = "client-access-rule";
  /** {@value}: A firewall or the network blocks the connection (KB 7). */
  public static final String NETWORK_BLOCKED = "network-blocked";
  /** {@value}: A single-tenant app is used with the common or organizations endpoint (KB 8). */
  public static final String SINGLE_TENANT_ENDPOINT = "single-tenant-endpoint";
  /** {@value}: Hosts, authority and scopes belong to different clouds (KB 9). */
  public static final String CLOUD_MISMATCH = "cloud-mismatch";
  /** {@value}: POP3 with OAuth needs the two-line AUTH format, or the product does not support it (KB 10). */
  public static final String POP_OAUTH_FORMAT = "pop-oauth-format";
  /** {@value}: A different account signed in when the mailbox was authorized (KB 11). */
  public static final String WRONG_USER_AUTHORIZED = "wrong-user-authorized";
  /** {@value}: The beta multi-channel email feature of Jira Service Management is in use (KB 12). */
  public static final String MULTI_CHANNEL_BETA = "multi-channel-beta";
  /** {@value}: The load balancer moved the user to another cluster node during authorization (KB 13). */
  public static final String SESSION_STICKINESS = "session-stickiness";
  /** {@value}: The OAuth client secret has expired (KB 14). */
  public static final String CLIENT_SECRET_EXPIRED = "client-secret-expired";
  /** {@value}: The folder holds or receives very many messages (KB 15). */
  public static final String INBOX_FLOODED = "inbox-flooded";
  /** {@value}: An outbound proxy blocks or intercepts the connection (KB 16). */
  public static final String PROXY_BLOCKING = "proxy-blocking";
  /** {@value}: The client secret is wrong. */
  public static final String CLIENT_SECRET_INVALID = "client-secret-invalid";
  /** {@value}: The user or an administrator has not consented to the app's permissions. */
  public static final String CONSENT_REQUIRED = "consent-required";
  /** {@value}: A conditional-access or MFA policy blocks the sign-in. */
  public static final String CONDITIONAL_ACCESS = "conditional-access";
  /** {@value}: The refresh token is expired, revoked or invalid. */
  public static final String REFRESH_TOKEN_INVALID = "refresh-token-invalid";
  /** {@value}: The access token has expired. */
  public static final String ACCESS_TOKEN_EXPIRED = "access-token-expired";
  /** {@value}: The server does not accept the access token as valid (signature, key, issuer, audience, not yet valid). */
  public static final String ACCESS_TOKEN_INVALID = "access-token-invalid";
  /** {@value}: The redirect URI is not registered for the app. */
  public static final String REDIRECT_URI_MISMATCH = "redirect-uri-mismatch";
  /** {@value}: The OAuth app (client id) is not known in this directory. */
  public static final String APP_NOT_FOUND = "app-not-found";
  /** {@value}: The tenant does not exist in this cloud. */
  public static final String TENANT_NOT_FOUND = "tenant-not-found";
  /** {@value}: SMTP AUTH is disabled for the mailbox or organisation. */
  public static final String SMTP_AUTH_DISABLED = "smtp-auth-disabled";
  /** {@value}: A password was sent where OAuth is required. */
  public static final String BASIC_AUTH_REJECTED = "basic-auth-rejected";
  /** {@value}: An administrator policy blocks the app. */
  public static final String ADMIN_POLICY_BLOCKED = "admin-policy-blocked";
  /** {@value}: The server certificate is not trusted. */
  public static final String TLS_CERTIFICATE = "tls-certificate";
  /** {@value}: TLS, STARTTLS or plain text is wrong for the port or server. */
  public static final String TLS_MODE_MISMATCH = "tls-mode-mismatch";
  /** {@value}: A host name does not resolve. */
  public static final String DNS_FAILURE = "dns-failure";
  /** {@value}: The provider throttles the account or connection. */
  public static final String THROTTLED = "throttled";
  /** {@value}: The OAuth app is unverified or in testing and the user may not use it. */
  public static final String APP_UNVERIFIED = "app-unverified";
  /** {@value}: The host product's version does not support this configuration. */
  public static final String HOST_PRODUCT_UNSUPPORTED = "host-product-unsupported";
  /** {@value}: The configuration is incomplete or malformed. */
  public static final String INVALID_CONFIGURATION = "invalid-configuration";
  /** {@value}: The server does not offer XOAUTH2. */
  public static final String XOAUTH2_NOT_OFFERED = "xoauth2-not-offered";
  /** {@value}: Something other than the mail server answers on this port. */
  public static final String NOT_A_MAIL_SERVER = "not-a-mail-server";
  /** {@value}: The mail or identity server itself fails (an internal error; its relay, storage or back end is down). */
  public static final String SERVER_FAILURE = "server-failure";

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * A root cause.
   *
   * @param id see the record
   * @param title see the record
   * @param meaning see the record
   * @param remediation see the record
   * @throws IllegalArgumentException when the id is not lower-case words joined by {@code -}
   */
  public RootCause {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(remediation, "remediation");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("root-cause id must be lower-case words joined by '-': " + id);
    }
  }
}
