package dev.maildiag.api.internal.explain;

import static dev.maildiag.api.RootCause.*;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.util.List;
import static dev.maildiag.api.spi.Signature.anyOf;

/**
 * Provider-neutral signals: Java and Jakarta Mail exceptions, network, DNS, TLS and proxy failures, the
 * standard OAuth error codes, IMAP response codes, and the host product's (Jira's) own log lines.
 * Provider tables ({@code MicrosoftSignatures}, {@code GoogleSignatures}) add what only their servers say.
 */
public final class GenericSignatures extends SignatureTable {
  static final String JDK_NET = "https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/package-summary.html";
  static final String JSSE = "https://docs.oracle.com/en/java/javase/17/security/java-secure-socket-extension-jsse-reference-guide.html";
  static final String ATLASSIAN_PKIX = "https://confluence.atlassian.com/kb/unable-to-connect-to-ssl-services-due-to-pkix-path-building-failed-error-779355358.html";
  static final String ATLASSIAN_PROXY = "https://confluence.atlassian.com/jirakb/how-to-configure-outbound-proxy-for-mailing-in-jira-1217305495.html";
  static final String RFC9110_407 = "https://www.rfc-editor.org/rfc/rfc9110#name-407-proxy-authentication-re";
  static final String RFC6749 = "https://www.rfc-editor.org/rfc/rfc6749#section-5.2";
  static final String RFC6749_AUTHZ = "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1";
  static final String RFC3207 = "https://www.rfc-editor.org/rfc/rfc3207";
  static final String RFC5530 = "https://www.rfc-editor.org/rfc/rfc5530";
  static final String RFC3463 = "https://www.rfc-editor.org/rfc/rfc3463";
  static final String JAKARTA_MAIL = "https://jakarta.ee/specifications/mail/2.1/apidocs/jakarta.mail/jakarta/mail/package-summary";
  static final String ANGUS = "https://github.com/eclipse-ee4j/angus-mail/blob/master/providers/angus-mail/src/main/java/org/eclipse/angus/mail/imap/IMAPStore.java";
  static final String JSDSERVER_7058 = "https://jira.atlassian.com/browse/JSDSERVER-7058";
  static final String JRASERVER_72033 = "https://jira.atlassian.com/browse/JRASERVER-72033";
  static final String JIRA_KB = "https://confluence.atlassian.com/jirakb/jira-or-jira-service-management-mail-handlers-cannot-be-configured-using-oauth-2-0-in-data-center-1188764820.html";
  static final String JSM_MULTI_CHANNEL = "https://confluence.atlassian.com/servicemanagementserver/jira-service-management-4-22-x-release-notes-1180143851.html";

  static final List<Signature> ROWS = List.of(
      // --- DNS
      anyOf("unknownhostexception", "unable to resolve host", "no address associated with hostname", "nodename nor servname",
              "name or service not known", "enotfound", "temporary failure in name resolution", "no such host is known",
              "could not resolve host", "name resolution failed", "getaddrinfo failed")
          .says("The host name does not resolve (DNS)").cause(DNS_FAILURE, 0.93).cause(NETWORK_BLOCKED, 0.3).source(JDK_NET),

      // --- TCP: refused, unreachable, timed out while connecting
      anyOf("connection refused", "econnrefused", "actively refused")
          .says("The connection was refused: nothing listens or a firewall rejects it")
          .cause(NETWORK_BLOCKED, 0.85).cause(PROXY_BLOCKING, 0.2).source(JDK_NET),
      anyOf("no route to host", "ehostunreach", "network is unreachable", "enetunreach", "host is unreachable", "network unreachable")
          .says("There is no network route to the host").cause(NETWORK_BLOCKED, 0.9).source(JDK_NET),
      anyOf("connect timed out", "connection timed out", "connection timeout", "etimedout", "connect timeout",
              "failed to connect to", "timed out while connecting", "timeout while connecting", "connection attempt failed")
          // not the server's own upstream ("421 4.4.0 ... Failed to connect to relay server"): that is the server's failure
          .regex("(?i)(?<!4\\.4\\.\\d.{0,80})(connect timed out|connection timed out|connection timeout|etimedout|connect timeout|"
              + "failed to connect to(?! (the )?(relay|upstream|backend))|timed out while connecting|timeout while connecting|connection attempt failed)")
          .says("Connecting timed out: packets are dropped on the way (firewall)")
          .cause(NETWORK_BLOCKED, 0.82).cause(PROXY_BLOCKING, 0.2).source(JDK_NET),
      anyOf("couldn't connect to host", "could not connect to", "unable to connect", "mailconnectexception", "can't connect to")
          .says("The mail host could not be reached").cause(NETWORK_BLOCKED, 0.6).cause(DNS_FAILURE, 0.2)
          .cause(TLS_MODE_MISMATCH, 0.2).cause(PROXY_BLOCKING, 0.2).source(JAKARTA_MAIL),
      anyOf("response: -1")
          .says("The server closed the connection before greeting (plain text on a TLS port, or a firewall)")
          .cause(TLS_MODE_MISMATCH, 0.55).cause(NETWORK_BLOCKED, 0.5).source(JAKARTA_MAIL),
      anyOf("connection reset", "econnreset", "broken pipe", "forcibly closed by the remote host", "connection dropped by server")
          .says("The connection was reset by something on the way or the server")
          .cause(NETWORK_BLOCKED, 0.5).cause(PROXY_BLOCKING, 0.3).cause(TLS_MODE_MISMATCH, 0.25).source(JDK_NET),
      anyOf("read timed out", "read timeout", "sockettimeoutexception", "timed out waiting for", "esockettimedout")
          .regex("read timed? ?out|read timeout|sockettimeoutexception(?!.{0,120}connect)|timed out waiting for|esockettimedout")
          .says("The server stopped answering while reading (a slow or very large folder, or throttling)")
          .cause(INBOX_FLOODED, 0.5).cause(NETWORK_BLOCKED, 0.4).cause(THROTTLED, 0.3).source(JDK_NET),

      // --- proxy
      anyOf("unable to tunnel through proxy", "proxy authentication required", "proxy-authenticate", "proxyerror",
              "tunnel connection failed", "cannot connect to proxy", "proxy returns", "proxy error", "statuscode = 407",
              "407 proxy", "proxy server refused", "proxy connection failed", "connect to proxy", "socksexception",
              "socks: connection", "socks server", "err_access_denied", "x-squid-error")
          .says("An outbound proxy refuses or cannot tunnel the connection").cause(PROXY_BLOCKING, 0.93).source(RFC9110_407),
      anyOf("http/1.1 407", "http/1.0 407", "status 407", "status: 407", "statuscode=407", "407 proxy")
          .regex("(?:http/1\\.[01]|status(?:code)?\\s*[:=]?)\\s*407|\\b407\\b.{0,20}proxy")
          .says("HTTP 407: the proxy wants credentials").cause(PROXY_BLOCKING, 0.9).source(RFC9110_407),

      // --- TLS: certificates
      anyOf("pkix path", "unable to find valid certification path", "trust anchor for certification path", "certpathvalidatorexception",
              "validatorexception", "certificate_unknown", "bad_certificate", "unknown_ca", "self signed certificate",
              "self-signed certificate", "unable to get local issuer certificate", "certificate verify failed", "cert_has_expired",
              "certificate has expired", "certificateexpiredexception", "notafter", "no subject alternative", "no name matching",
              "does not match the host", "hostname mismatch", "certificate is not trusted", "untrusted certificate",
              "sslpeerunverifiedexception", "altnames", "unable_to_verify_leaf_signature", "depth_zero_self_signed_cert")
          .says("The server's TLS certificate is not trusted, expired or for another host (often TLS interception)")
          .cause(TLS_CERTIFICATE, 0.92).cause(PROXY_BLOCKING, 0.2).source(ATLASSIAN_PKIX),
      // --- TLS: the wrong mode for the port
      anyOf("plaintext connection?", "unrecognized ssl message", "wrong version number", "unsupported or unrecognized ssl message",
              "ssl routines", "packet length too long", "http_request", "ssl3_get_record")
          .says("TLS was spoken to a port that talks plain text (or the other way round)")
          .cause(TLS_MODE_MISMATCH, 0.88).cause(NOT_A_MAIL_SERVER, 0.25).source(JSSE),
      anyOf("must issue a starttls", "starttls is required", "starttls required", "does not support starttls",
              "send starttls", "530 5.7.0", "530-5.7.0", "requires tls", "tls is required", "encryption required")
          .says("The server requires STARTTLS before anything else").cause(TLS_MODE_MISMATCH, 0.9).source(RFC3207),
      anyOf("no appropriate protocol", "protocol_version", "unsupported protocol", "tls 1.0 and 1.1 are not supported",
              "handshake_failure", "no cipher suites in common", "tlsv1 alert", "inappropriate fallback")
          .says("Client and server share no TLS version or cipher (an old JVM, or TLS 1.0/1.1 disabled)")
          .cause(TLS_MODE_MISMATCH, 0.6).cause(TLS_CERTIFICATE, 0.45).source(JSSE),
      anyOf("could not convert socket to tls", "couldn't convert socket to tls")
          .says("STARTTLS failed: the server's certificate is not trusted, or TLS is not what the port speaks")
          .cause(TLS_CERTIFICATE, 0.55).cause(TLS_MODE_MISMATCH, 0.5).source(JAKARTA_MAIL),
      anyOf("remote host terminated the handshake", "remote host closed connection during handshake",
              "handshake terminated", "sslhandshakeexception", "ssl handshake", "eof during handshake")
          .says("The TLS handshake was broken off (TLS mode, interception or a firewall)")
          .cause(TLS_MODE_MISMATCH, 0.45).cause(TLS_CERTIFICATE, 0.4).cause(PROXY_BLOCKING, 0.3).cause(NETWORK_BLOCKED, 0.3)
          .source(JSSE),

      // --- not the mail server at all
      anyOf("bad greeting", "unexpected greeting", "invalid greeting", "not a valid imap", "not an imap server",
              "http/1.1 400 bad request", "http/1.0 400", "<html")
          .says("Something other than the mail server answered on this port").cause(NOT_A_MAIL_SERVER, 0.65)
          .cause(PROXY_BLOCKING, 0.35).cause(TLS_MODE_MISMATCH, 0.3).source(JAKARTA_MAIL),
      anyOf("no authentication mechanisms supported", "no authentication mechansims supported", "auth mechanism xoauth2 not",
              "unsupported authentication mechanism", "mechanism not supported", "unrecognized authentication type",
              "xoauth2 not supported", "does not support xoauth2", "authentication mechanism is not supported",
              "504 5.7.4", "auth=xoauth2 not")
          .says("The server does not offer XOAUTH2 (or only after TLS)").cause(XOAUTH2_NOT_OFFERED, 0.85)
          .cause(TLS_MODE_MISMATCH, 0.35).source(ANGUS),

      // --- generic authentication failures: everything that makes a token (or a password) unacceptable
      anyOf("authenticationfailedexception", "authentication failed", "authentication unsuccessful", "authentication failure",
              "authenticationexception", "[authenticationfailed]", "auth failed", "login failed", "invalid login",
              "authentication error", "login error", "failed to authenticate")
          .says("The server refused the login; the text alone does not say why")
          .cause(SCOPES, 0.4).cause(PROTOCOL_DISABLED, 0.38).cause(MAILBOX_PERMISSION, 0.36).cause(NO_LICENSE, 0.34)
          .cause(ACCESS_TOKEN_EXPIRED, 0.32).cause(WRONG_USER_AUTHORIZED, 0.3).cause(BASIC_AUTH_REJECTED, 0.25)
          .source(RFC5530),
      anyOf("failed to connect, no password specified", "no password specified", "password is null", "no oauth token",
              "access token is empty", "token is null")
          .says("No token (or password) was handed to the mail client").cause(INVALID_CONFIGURATION, 0.6)
          .cause(REFRESH_TOKEN_INVALID, 0.35).source(JAKARTA_MAIL),
      // --- the server fails on its own side: its relay, storage or a component behind it
      anyOf("failed to connect to relay", "relay server", "4.4.0 ", "4.3.0 ", "4.3.2 ", "[sys/temp]", "[sys/perm]", "internal error occurred",
              "[serverbug]", "451 4.3.", "temporary server failure", "local error in processing")
          .says("The server itself fails (an internal error, or its own relay or storage is down)")
          .cause(SERVER_FAILURE, 0.85).cause(THROTTLED, 0.25).source(RFC3463),
      anyOf("[unavailable]", "[limit]", "[overquota]", "too many connections", "too many simultaneous", "rate limit",
              "ratelimit", "too many requests", "try again later", "throttl", "quota exceeded", "resource_exhausted")
          .says("The provider limits connections, commands or bandwidth").cause(THROTTLED, 0.85).cause(INBOX_FLOODED, 0.3)
          .source(RFC5530),
      anyOf("[nonexistent]", "folder not found", "foldernotfoundexception", "no such folder", "no such mailbox",
              "mailbox doesn't exist", "mailbox does not exist", "unknown mailbox", "couldn't open the folder",
              "could not open the folder", "folder does not exist", "folder doesn't exist", "folder '", "mailbox not found:",
              "find folder", "find the folder", "open folder")
          .regex("\\[nonexistent]|folder ?not ?found|no such (?:folder|mailbox)|(?:unknown|no) mailbox|mailbox (?:does ?n[o']t exist)|"
              + "open the folder|folder .{0,60}(?:does ?n[o']t exist|not found|cannot be found)|mailbox not found:|"
              + "(?:unable to|cannot|can't|could not|couldn't) (?:find|open) (?:the )?folder")
          .says("The folder (e.g. a localized Inbox) does not exist").cause(INBOX_FOLDER_MISSING, 0.88).source(RFC5530),

      // --- OAuth 2.0 error codes (RFC 6749): providers' tables refine them
      anyOf("invalid_grant", "invalid grant")
          .says("invalid_grant: the refresh token (or code) is expired, revoked or was issued to another client")
          .cause(REFRESH_TOKEN_INVALID, 0.85).cause(REDIRECT_URI_MISMATCH, 0.15).source(RFC6749),
      anyOf("invalid_client")
          .says("invalid_client: the client id or secret is not accepted").cause(CLIENT_SECRET_INVALID, 0.7)
          .cause(APP_NOT_FOUND, 0.5).cause(CLIENT_SECRET_EXPIRED, 0.4).source(RFC6749),
      anyOf("unauthorized_client")
          .says("unauthorized_client: the client may not use this grant or is not allowed")
          .cause(CLIENT_SECRET_INVALID, 0.5).cause(APP_NOT_FOUND, 0.45).cause(ADMIN_POLICY_BLOCKED, 0.4)
          .cause(CONSENT_REQUIRED, 0.35).source(RFC6749),
      anyOf("invalid_scope", "insufficient_scope", "insufficient scope", "insufficient authentication scopes",
              "access_token_scope_insufficient", "scope is not valid", "invalid scope")
          .says("The requested or granted scopes are wrong").cause(SCOPES, 0.88).source(RFC6749),
      anyOf("redirect_uri_mismatch", "redirect uri mismatch", "redirect uri does not match", "redirect_uri does not match",
              "invalid redirect", "invalid_redirect_uri", "redirect_uri is not", "redirect uri is not registered")
          .says("The redirect URI is not registered for the app").cause(REDIRECT_URI_MISMATCH, 0.92).source(RFC6749_AUTHZ),
      anyOf("consent_required", "admin_consent_required", "needs admin approval", "admin approval required",
              "only an admin can grant", "needs permission to access resources", "admin consent")
          .says("Consent to the app's permissions is missing").cause(CONSENT_REQUIRED, 0.88).source(RFC6749_AUTHZ),
      anyOf("interaction_required", "login_required")
          .says("The identity provider wants the user to sign in again (MFA, policy or consent)")
          .cause(CONDITIONAL_ACCESS, 0.55).cause(CONSENT_REQUIRED, 0.4).cause(REFRESH_TOKEN_INVALID, 0.35).source(RFC6749_AUTHZ),
      anyOf("access_denied")
          .says("access_denied: the user or a policy refused the authorization")
          .cause(CONSENT_REQUIRED, 0.45).cause(ADMIN_POLICY_BLOCKED, 0.4).cause(APP_UNVERIFIED, 0.3).source(RFC6749_AUTHZ),
      anyOf("token expired", "token has expired", "expired token", "token is expired", "accesstokenexpired",
              "access token expired", "jwt expired", "lifetime validation failed", "invalidauthenticationtoken")
          .regex("(?<!refresh[ _])token (?:is |has )?expired|expired (?:access[ _])?token|accesstokenexpired|jwt expired"
              + "|lifetime validation failed|invalidauthenticationtoken")
          .says("The access token has expired").cause(ACCESS_TOKEN_EXPIRED, 0.85).cause(REFRESH_TOKEN_INVALID, 0.3).source(RFC6749),
      anyOf("refresh token", "refresh_token")
          .regex("refresh[ _]token.{0,60}(?:expired|revoked|invalid|not valid|no longer valid)|(?:expired|revoked|invalid) refresh[ _]token")
          .says("The refresh token is expired, revoked or invalid").cause(REFRESH_TOKEN_INVALID, 0.88).source(RFC6749),
      anyOf("refresh the token", "refresh token", "refresh oauth", "refresh access token", "token refresh", "refreshing")
          .regex("(?:fail(?:ed|ure)?|unable|could not|couldn't|cannot|error)\\W+(?:\\w+\\W+){0,3}?(?:to )?refresh(?:ing)?\\W+(?:the\\W+)?"
              + "(?:oauth\\W+|access\\W+)?token|token refresh (?:failed|error)")
          .says("The product could not refresh its OAuth token (an expired secret or refresh token, or the way out is blocked)")
          .cause(REFRESH_TOKEN_INVALID, 0.5).cause(CLIENT_SECRET_EXPIRED, 0.45).cause(PROXY_BLOCKING, 0.3).cause(NETWORK_BLOCKED, 0.3)
          .source(JIRA_KB),
      anyOf("doesn't match provided", "does not match provided", "doesn't match the", "does not match the", "mismatch")
          .regex("(?:authori[sz]ed|signed[- ]in|logged[- ]in|token'?s?)\\s+(?:e-?mail|user|account|address).{0,40}"
              + "(?:does ?n[o']t match|mismatch)|(?:user|account|e-?mail) mismatch")
          .says("The account that authorized is not the configured mailbox user").cause(WRONG_USER_AUTHORIZED, 0.88)
          .source(JIRA_KB),

      anyOf("disabled", "not enabled for")
          .regex("\\b(?:imap4?|pop3?)(?: protocol)?(?: access)? (?:is |has been |was )?disabled|not enabled for (?:imap|pop)|"
              + "(?:imap4?|pop3?) (?:access )?(?:is )?not enabled")
          .says("IMAP or POP is disabled for the mailbox").cause(PROTOCOL_DISABLED, 0.9).source(JIRA_KB),
      anyOf("licen")
          .regex("(?:no|not|without|missing|invalid|expired|unlicensed)\\W+(?:\\w+\\W+){0,3}?licen[cs]|licen[cs]e\\W+(?:\\w+\\W+){0,2}?"
              + "(?:missing|expired|required|not assigned|not found)|unlicensed")
          .says("The account has no (mail) licence").cause(NO_LICENSE, 0.8).source(JIRA_KB),
      anyOf("client access rule", "clientaccessrule")
          .says("A client access rule blocks the connection").cause(CLIENT_ACCESS_RULE, 0.9).source(JIRA_KB),
      anyOf("invalid audience", "audience is invalid", "audience validation failed", "wrong audience", "invalid_audience")
          .says("The token was issued for another resource (scope resource or cloud)").cause(SCOPES, 0.7).cause(CLOUD_MISMATCH, 0.45)
          .source(RFC6749),
      anyOf("required scope", "missing scope", "scope missing", "scopes missing", "missing the scope", "lacks the scope")
          .says("The token lacks a required scope").cause(SCOPES, 0.85).source(RFC6749),
      anyOf("right to send", "permission to send", "send on behalf", "send as this", "sendas")
          .regex("(?:does ?n[o']t|not|no) (?:have )?(?:the )?(?:right|permission)s? to send|send on behalf|send as this|sendas(?:denied| permission)")
          .says("The authorizing user may not send as (or on behalf of) this mailbox").cause(MAILBOX_PERMISSION, 0.85).source(JIRA_KB),
      // the OAuth flow's state lives on the node that started it; a callback on another node cannot find it
      anyOf("state mismatch", "invalid state", "state parameter", "state does not match", "flow not found", "no flow found",
              "flow with id", "unknown flow", "oauth flow")
          .regex("state (?:mismatch|parameter (?:is )?(?:invalid|missing|does ?n[o']t match|mismatch))|invalid state|state does not match|"
              + "(?:no )?flow (?:with id .{0,60})?not found|no flow found|unknown flow|invalid flow|oauth flow .{0,40}(?:expired|not found|missing)")
          .says("The OAuth callback did not find the flow it belongs to (often another cluster node answered the callback)")
          .cause(SESSION_STICKINESS, 0.6).cause(REDIRECT_URI_MISMATCH, 0.2).source(JIRA_KB),

      // --- the host product (Jira / Jira Service Management) log lines, from Atlassian's KB and bug tracker
      anyOf("oauth token not defined for connection", "oauth authorisation required", "oauth authorization required")
          .says("Jira found no OAuth token for the mail channel (a missing Inbox, the beta multi-channel feature, or a node switch)")
          .cause(INBOX_FOLDER_MISSING, 0.55).cause(MULTI_CHANNEL_BETA, 0.5).cause(SESSION_STICKINESS, 0.4)
          .cause(REFRESH_TOKEN_INVALID, 0.3).source(JSDSERVER_7058),
      anyOf("mailpullerworker")
          .regex("mailpullerworker.{0,400}oauth (?:token not defined|authori[sz]ation required)")
          .says("JSM's MailPullerWorker has no OAuth token for a channel (known in the beta multi-channel feature)")
          .cause(MULTI_CHANNEL_BETA, 0.7).cause(INBOX_FOLDER_MISSING, 0.5).source(JSM_MULTI_CHANNEL),
      anyOf("protocol error. connection is closed. 10", "protocol error. connection is closed", "connection is closed. 10")
          .says("Exchange closed the POP3 session: the one-line XOAUTH2 format or a Jira without POP OAuth support")
          .cause(POP_OAUTH_FORMAT, 0.9).cause(HOST_PRODUCT_UNSUPPORTED, 0.4).source(JRASERVER_72033),
      anyOf("sd.multi.incoming.email.support.enabled")
          .says("The beta multi-channel email dark feature is enabled").cause(MULTI_CHANNEL_BETA, 0.9).source(JSM_MULTI_CHANNEL));

  public GenericSignatures() {
    super(null, ROWS);
  }
}
