package dev.maildiag.microsoft;

import static dev.maildiag.api.RootCause.*;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.util.List;
import static dev.maildiag.api.spi.Signature.anyOf;

/**
 * What Microsoft Entra ID (AADSTS codes) and Exchange Online (IMAP, POP3, SMTP answers) say, and the root
 * causes each text points to. One row per signal, with the public source of its meaning.
 */
public final class MicrosoftSignatures extends SignatureTable {
  static final String ENTRA_CODES = "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes";
  static final String ENTRA_NATIONAL = "https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud";
  static final String EXO_OAUTH = "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth";
  static final String EXO_SMTP_AUTH = "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission";
  static final String EXO_SMTP_5_7_139 = "https://aka.ms/smtp_auth_disabled";
  static final String EXO_BASIC_AUTH = "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online";
  static final String EXO_SECURITY_DEFAULTS = "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults";
  static final String EXO_NDR_5_7_60 = "https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-60-through-5-7-64-in-exchange-online";
  static final String EXO_THROTTLING = "https://learn.microsoft.com/en-us/exchange/mailbox-migration/office-365-migration-best-practices#throttling";
  static final String GET_IMAP_ACCESS_TOKEN = "https://github.com/DanijelkMSFT/ThisandThat/blob/main/Get-IMAPAccessToken.ps1";
  static final String ATLASSIAN_NOT_CONNECTED = "https://confluence.atlassian.com/jirakb/imap-fails-with-a3-bad-user-is-authenticated-but-not-connected-error-in-jira-server-integrated-with-office365-1047552539.html";
  static final String GRAPH_NO_MAILBOX = "https://learn.microsoft.com/en-us/graph/api/resources/mail-api-overview";

  /** An AADSTS code as a whole number (AADSTS50011 is not AADSTS500113). */
  private static Signature.Builder code(String number) {
    return anyOf("aadsts" + number).regex("aadsts" + number + "(?!\\d)");
  }

  static final List<Signature> ROWS = List.of(
      // --- Entra ID: the client and its secret
      code("7000222").says("AADSTS7000222: the client secret has expired").cause(CLIENT_SECRET_EXPIRED, 0.97).source(ENTRA_CODES),
      anyOf("client secret keys are expired", "client secret keys for app").regex("client secret keys.{0,80}(?:are )?expired")
          .says("The client secret has expired").cause(CLIENT_SECRET_EXPIRED, 0.96).source(ENTRA_CODES),
      code("7000215").says("AADSTS7000215: an invalid client secret was sent (often the secret's id instead of its value)")
          .cause(CLIENT_SECRET_INVALID, 0.95).cause(CLIENT_SECRET_EXPIRED, 0.2).source(ENTRA_CODES),
      anyOf("invalid client secret").says("The client secret is not valid").cause(CLIENT_SECRET_INVALID, 0.93).source(ENTRA_CODES),
      code("7000218").says("AADSTS7000218: the token request has no client secret").cause(CLIENT_SECRET_INVALID, 0.7)
          .cause(INVALID_CONFIGURATION, 0.5).source(ENTRA_CODES),
      code("700027").says("AADSTS700027: the client assertion (certificate) is not valid").cause(CLIENT_SECRET_INVALID, 0.8).source(ENTRA_CODES),
      code("700024").says("AADSTS700024: the client assertion is outside its valid time range (clock skew)")
          .cause(CLIENT_SECRET_INVALID, 0.6).cause(INVALID_CONFIGURATION, 0.4).source(ENTRA_CODES),
      code("700025").says("AADSTS700025: a public client must not send a secret").cause(INVALID_CONFIGURATION, 0.75).source(ENTRA_CODES),
      code("7000112").says("AADSTS7000112: the application is disabled (an administrator turned off its sign-in)")
          .cause(ADMIN_POLICY_BLOCKED, 0.9).cause(APP_NOT_FOUND, 0.3).source(ENTRA_CODES),

      // --- Entra ID: the app, the tenant, the endpoint and the cloud
      code("50194").says("AADSTS50194: a single-tenant app was used with /common or /organizations").cause(SINGLE_TENANT_ENDPOINT, 0.96).source(ENTRA_CODES),
      anyOf("not configured as a multi-tenant application", "usage of the /common endpoint is not supported")
          .says("A single-tenant app was used with the /common endpoint").cause(SINGLE_TENANT_ENDPOINT, 0.96).source(ENTRA_CODES),
      code("700016").says("AADSTS700016: the application (client id) was not found in the directory")
          .cause(APP_NOT_FOUND, 0.93).cause(CLOUD_MISMATCH, 0.3).cause(TENANT_NOT_FOUND, 0.25).source(ENTRA_CODES),
      anyOf("was not found in the directory").regex("application with identifier.{0,120}was not found in the directory")
          .says("The application was not found in the directory").cause(APP_NOT_FOUND, 0.92).cause(CLOUD_MISMATCH, 0.3).source(ENTRA_CODES),
      code("90002").says("AADSTS90002: the tenant was not found").cause(TENANT_NOT_FOUND, 0.93).cause(CLOUD_MISMATCH, 0.35).source(ENTRA_CODES),
      code("900023").says("AADSTS900023: the tenant identifier is neither a GUID nor a domain").cause(TENANT_NOT_FOUND, 0.85)
          .cause(INVALID_CONFIGURATION, 0.45).source(ENTRA_CODES),
      code("50128").says("AADSTS50128: no tenant matches the domain name").cause(TENANT_NOT_FOUND, 0.8).source(ENTRA_CODES),
      code("50059").says("AADSTS50059: no tenant could be identified (the /common endpoint with a non-tenant account)")
          .cause(TENANT_NOT_FOUND, 0.6).cause(SINGLE_TENANT_ENDPOINT, 0.5).source(ENTRA_CODES),
      anyOf("tenant '", "tenant \"", "tenant not found", "tenantnotfound").regex("tenant ['\"].{1,80}['\"] not found|tenant ?not ?found")
          .says("The tenant does not exist in this cloud").cause(TENANT_NOT_FOUND, 0.9).cause(CLOUD_MISMATCH, 0.35).source(ENTRA_CODES),
      code("900382").says("AADSTS900382: a confidential client is not supported in a cross-cloud request").cause(CLOUD_MISMATCH, 0.93).source(ENTRA_NATIONAL),
      code("900439").says("AADSTS900439: a US Government app signed in at the public endpoint").cause(CLOUD_MISMATCH, 0.92).source(ENTRA_NATIONAL),
      code("90038").says("AADSTS90038: the tenant belongs to a national cloud the authority does not federate with").cause(CLOUD_MISMATCH, 0.93).source(ENTRA_CODES),
      code("90051").says("AADSTS90051: invalid national cloud id").cause(CLOUD_MISMATCH, 0.85).source(ENTRA_CODES),
      anyOf("cross cloud", "cross-cloud", "national cloud", "does not federate with", "usgclientnotsupportedonpublicendpoint")
          .says("Authority, hosts or scopes belong to different clouds").cause(CLOUD_MISMATCH, 0.9).source(ENTRA_NATIONAL),
      code("500011").says("AADSTS500011: the resource (e.g. outlook.office.com vs .us) was not found in the tenant")
          .cause(SCOPES, 0.6).cause(CLOUD_MISMATCH, 0.55).cause(CONSENT_REQUIRED, 0.3).source(ENTRA_CODES),
      anyOf("resource principal named").says("The scope's resource does not exist in the tenant's cloud")
          .cause(SCOPES, 0.6).cause(CLOUD_MISMATCH, 0.55).source(ENTRA_CODES),

      // --- Entra ID: consent and assignment
      code("65001").says("AADSTS65001: the user or administrator has not consented to the app").cause(CONSENT_REQUIRED, 0.95).source(ENTRA_CODES),
      code("65004").says("AADSTS65004: the user declined consent").cause(CONSENT_REQUIRED, 0.85).source(ENTRA_CODES),
      code("90094").says("AADSTS90094: an administrator must grant consent").cause(CONSENT_REQUIRED, 0.93).cause(ADMIN_POLICY_BLOCKED, 0.3).source(ENTRA_CODES),
      code("90008").says("AADSTS90008: the app needs consent to a permission").cause(CONSENT_REQUIRED, 0.7).cause(SCOPES, 0.4).source(ENTRA_CODES),
      anyOf("has not consented", "not consented to use the application")
          .says("Consent to the app is missing").cause(CONSENT_REQUIRED, 0.93).source(ENTRA_CODES),
      code("50105").says("AADSTS50105: the user is not assigned to the application").cause(ADMIN_POLICY_BLOCKED, 0.8)
          .cause(WRONG_USER_AUTHORIZED, 0.35).source(ENTRA_CODES),

      // --- Entra ID: policy, MFA, conditional access
      code("50076").says("AADSTS50076: multi-factor authentication is required").cause(CONDITIONAL_ACCESS, 0.93).source(ENTRA_CODES),
      code("50079").says("AADSTS50079: the user must enrol in multi-factor authentication").cause(CONDITIONAL_ACCESS, 0.92).source(ENTRA_CODES),
      code("50074").says("AADSTS50074: strong authentication is required").cause(CONDITIONAL_ACCESS, 0.92).source(ENTRA_CODES),
      code("50072").says("AADSTS50072: the user must enrol for second-factor authentication").cause(CONDITIONAL_ACCESS, 0.9).source(ENTRA_CODES),
      code("53003").says("AADSTS53003: blocked by a conditional-access policy").cause(CONDITIONAL_ACCESS, 0.96).source(ENTRA_CODES),
      code("53000").says("AADSTS53000: the device is not compliant with a conditional-access policy").cause(CONDITIONAL_ACCESS, 0.93).source(ENTRA_CODES),
      code("53001").says("AADSTS53001: the device is not domain-joined as a policy requires").cause(CONDITIONAL_ACCESS, 0.92).source(ENTRA_CODES),
      code("53002").says("AADSTS53002: the app is not approved by a conditional-access policy").cause(CONDITIONAL_ACCESS, 0.9).cause(ADMIN_POLICY_BLOCKED, 0.4).source(ENTRA_CODES),
      code("50158").says("AADSTS50158: an external security challenge was not satisfied").cause(CONDITIONAL_ACCESS, 0.88).source(ENTRA_CODES),
      code("50097").says("AADSTS50097: device authentication is required").cause(CONDITIONAL_ACCESS, 0.88).source(ENTRA_CODES),
      code("50196").says("AADSTS50196: the server stopped a client request loop").cause(THROTTLED, 0.8).source(ENTRA_CODES),
      code("50053").says("AADSTS50053: the account is locked (too many sign-ins or a blocked IP)").cause(THROTTLED, 0.6)
          .cause(CONDITIONAL_ACCESS, 0.45).source(ENTRA_CODES),
      anyOf("multi-factor authentication", "multifactor authentication", "conditional access", "security defaults",
              "device is not in required device state", "strong authentication")
          .says("A multi-factor, conditional-access or security-defaults policy blocks the sign-in")
          .cause(CONDITIONAL_ACCESS, 0.88).cause(REFRESH_TOKEN_INVALID, 0.3).source(EXO_SECURITY_DEFAULTS),

      // --- codes first collected for the token check's own table (same source)
      code("28002").says("AADSTS28002: the scope value is not valid for the resource").cause(SCOPES, 0.8).source(ENTRA_CODES),
      code("28003").says("AADSTS28003: the scope is empty").cause(SCOPES, 0.8).cause(INVALID_CONFIGURATION, 0.4).source(ENTRA_CODES),
      code("90099").says("AADSTS90099: the application has not been authorized in the tenant").cause(CONSENT_REQUIRED, 0.8).source(ENTRA_CODES),
      code("50005").says("AADSTS50005: the device platform is blocked by a sign-in policy").cause(CONDITIONAL_ACCESS, 0.8).source(ENTRA_CODES),
      code("50132").says("AADSTS50132: the session is no longer valid (password expired or changed)").cause(REFRESH_TOKEN_INVALID, 0.8).source(ENTRA_CODES),

      // families: a code of the family that the rows above do not name still says which kind of problem it is
      anyOf("aadsts53").regex("aadsts53\\d{3,4}(?!\\d)")
          .says("AADSTS53xxx: a device or conditional-access policy refused the sign-in").cause(CONDITIONAL_ACCESS, 0.85).source(ENTRA_CODES),
      code("50131").says("AADSTS50131: conditional access failed").cause(CONDITIONAL_ACCESS, 0.9).source(ENTRA_CODES),
      anyOf("aadsts65").regex("aadsts65\\d{3}(?!\\d)")
          .says("AADSTS65xxx: consent to the app's permissions is missing or was refused").cause(CONSENT_REQUIRED, 0.6)
          .cause(SCOPES, 0.35).source(ENTRA_CODES),
      anyOf("aadsts7000").regex("aadsts7000\\d{3}(?!\\d)")
          .says("AADSTS7000xxx: the client's credentials (secret or certificate) are not accepted").cause(CLIENT_SECRET_INVALID, 0.55)
          .cause(CLIENT_SECRET_EXPIRED, 0.35).source(ENTRA_CODES),
      code("90019").says("AADSTS90019: no tenant in the request (the /common endpoint without a user)")
          .cause(SINGLE_TENANT_ENDPOINT, 0.55).cause(TENANT_NOT_FOUND, 0.5).source(ENTRA_CODES),
      code("700051").says("AADSTS700051: the response type is not enabled for the app").cause(INVALID_CONFIGURATION, 0.75).source(ENTRA_CODES),

      // --- Entra ID: grants (refresh token, code)
      code("700082").says("AADSTS700082: the refresh token expired through inactivity").cause(REFRESH_TOKEN_INVALID, 0.95).source(ENTRA_CODES),
      code("70008").says("AADSTS70008: the refresh token or code has expired").cause(REFRESH_TOKEN_INVALID, 0.92).source(ENTRA_CODES),
      code("700084").says("AADSTS700084: the refresh token (issued to a single-page app) has expired").cause(REFRESH_TOKEN_INVALID, 0.9).source(ENTRA_CODES),
      code("50173").says("AADSTS50173: the grant is no longer valid (password changed or sessions revoked)").cause(REFRESH_TOKEN_INVALID, 0.9).source(ENTRA_CODES),
      code("50133").says("AADSTS50133: the session is invalid after a password change or expiry").cause(REFRESH_TOKEN_INVALID, 0.88).source(ENTRA_CODES),
      code("70043").says("AADSTS70043: the refresh token expired under a sign-in-frequency policy").cause(REFRESH_TOKEN_INVALID, 0.8)
          .cause(CONDITIONAL_ACCESS, 0.65).source(ENTRA_CODES),
      code("50089").says("AADSTS50089: the authentication flow token expired").cause(REFRESH_TOKEN_INVALID, 0.7).source(ENTRA_CODES),
      code("54005").says("AADSTS54005: the authorization code was already redeemed").cause(INVALID_CONFIGURATION, 0.5)
          .cause(SESSION_STICKINESS, 0.4).cause(REFRESH_TOKEN_INVALID, 0.35).source(ENTRA_CODES),
      anyOf("expired due to inactivity", "token has been revoked", "grant has been revoked", "refresh token has expired")
          .says("The refresh token is expired or revoked").cause(REFRESH_TOKEN_INVALID, 0.92).source(ENTRA_CODES),

      // --- Entra ID: redirect URIs and request shape
      code("50011").says("AADSTS50011: the redirect URI does not match the app registration").cause(REDIRECT_URI_MISMATCH, 0.96).source(ENTRA_CODES),
      code("500113").says("AADSTS500113: no reply address is registered for the app").cause(REDIRECT_URI_MISMATCH, 0.92).source(ENTRA_CODES),
      code("900971").says("AADSTS900971: no reply address was provided").cause(REDIRECT_URI_MISMATCH, 0.85).source(ENTRA_CODES),
      anyOf("does not match the redirect uris configured", "reply url specified in the request does not match")
          .says("The redirect URI does not match the app registration").cause(REDIRECT_URI_MISMATCH, 0.95).source(ENTRA_CODES),
      code("90014").says("AADSTS90014: a required field is missing from the request").cause(INVALID_CONFIGURATION, 0.8).source(ENTRA_CODES),
      code("900144").says("AADSTS900144: the request body lacks a required parameter").cause(INVALID_CONFIGURATION, 0.8).source(ENTRA_CODES),
      code("700054").says("AADSTS700054: the response type is not enabled for the app").cause(INVALID_CONFIGURATION, 0.75).source(ENTRA_CODES),
      code("9002313").says("AADSTS9002313: the request is malformed").cause(INVALID_CONFIGURATION, 0.7).source(ENTRA_CODES),

      // --- Entra ID: scopes
      code("70011").says("AADSTS70011: the scope is not valid").cause(SCOPES, 0.93).source(ENTRA_CODES),
      code("650053").says("AADSTS650053: the scope does not exist on the resource").cause(SCOPES, 0.88).source(ENTRA_CODES),
      code("650057").says("AADSTS650057: the app does not list the requested permission").cause(SCOPES, 0.8).cause(CONSENT_REQUIRED, 0.5).source(ENTRA_CODES),
      code("70000").says("AADSTS70000: a requested scope is unauthorized or expired").cause(SCOPES, 0.6).cause(REFRESH_TOKEN_INVALID, 0.5)
          .cause(CONSENT_REQUIRED, 0.4).source(ENTRA_CODES),
      code("65005").says("AADSTS65005: the app's required permissions are misconfigured").cause(SCOPES, 0.65).cause(CONSENT_REQUIRED, 0.5).source(ENTRA_CODES),

      // --- Entra ID: the account
      code("50020").says("AADSTS50020: the signed-in account does not belong to the app's tenant")
          .cause(WRONG_USER_AUTHORIZED, 0.6).cause(SINGLE_TENANT_ENDPOINT, 0.45).cause(TENANT_NOT_FOUND, 0.3).source(ENTRA_CODES),
      code("90072").says("AADSTS90072: the account from an external identity provider does not exist in the tenant")
          .cause(WRONG_USER_AUTHORIZED, 0.65).cause(SINGLE_TENANT_ENDPOINT, 0.4).source(ENTRA_CODES),
      code("50034").says("AADSTS50034: the account does not exist in the directory").cause(WRONG_USER_AUTHORIZED, 0.7)
          .cause(TENANT_NOT_FOUND, 0.35).source(ENTRA_CODES),
      anyOf("does not exist in tenant").says("The signed-in account does not exist in the app's tenant")
          .cause(WRONG_USER_AUTHORIZED, 0.6).cause(SINGLE_TENANT_ENDPOINT, 0.45).cause(TENANT_NOT_FOUND, 0.3).source(ENTRA_CODES),
      code("50126").says("AADSTS50126: invalid user name or password (a password flow)").cause(BASIC_AUTH_REJECTED, 0.6)
          .cause(WRONG_USER_AUTHORIZED, 0.3).source(ENTRA_CODES),

      // --- Exchange Online IMAP and POP3
      anyOf("authenticate failed")
          .says("Exchange refused the token without saying why (IMAP/POP disabled, no licence, no mailbox permission, wrong scopes or user)")
          .cause(PROTOCOL_DISABLED, 0.5).cause(NO_LICENSE, 0.45).cause(MAILBOX_PERMISSION, 0.45).cause(SCOPES, 0.42)
          .cause(WRONG_USER_AUTHORIZED, 0.38).cause(ACCESS_TOKEN_EXPIRED, 0.28).cause(CLOUD_MISMATCH, 0.2).source(EXO_OAUTH),
      anyOf("-err protocol error").says("Exchange's POP3 server did not understand the AUTH exchange (the one-line XOAUTH2 format)")
          .cause(POP_OAUTH_FORMAT, 0.75).cause(HOST_PRODUCT_UNSUPPORTED, 0.35).source(EXO_OAUTH),
      anyOf("-err authentication failure", "unknown user name or bad password", "-err logon failure")
          .says("Exchange refused the POP3 login (POP disabled, no licence, no mailbox permission, wrong scopes or user, or the one-line format)")
          .cause(PROTOCOL_DISABLED, 0.5).cause(NO_LICENSE, 0.45).cause(MAILBOX_PERMISSION, 0.45).cause(SCOPES, 0.42)
          .cause(WRONG_USER_AUTHORIZED, 0.38).cause(POP_OAUTH_FORMAT, 0.3).cause(BASIC_AUTH_REJECTED, 0.3).source(EXO_OAUTH),
      anyOf("authenticate plain", "authenticate login", "login failed", "password=<non-null>", "auth=plain", "auth plain")
          .regex("authenticate (?:plain|login)|\\blogin failed|password=<non-null>|auth[= ]plain")
          .says("A password login was tried where Exchange Online only accepts OAuth").cause(BASIC_AUTH_REJECTED, 0.8)
          .cause(PROTOCOL_DISABLED, 0.3).source(EXO_BASIC_AUTH),
      anyOf("authenticated but not connected")
          .says("Exchange accepted the token but will not serve the mailbox (a client access rule, the wrong user, or no Full Access)")
          .cause(CLIENT_ACCESS_RULE, 0.55).cause(WRONG_USER_AUTHORIZED, 0.5).cause(MAILBOX_PERMISSION, 0.48)
          .cause(PROTOCOL_DISABLED, 0.35).source(ATLASSIAN_NOT_CONNECTED),
      anyOf("connection closed. 14", "server unavailable. 15")
          .says("Exchange dropped the IMAP session (throttling, or a mailbox too busy to open)")
          .cause(THROTTLED, 0.45).cause(INBOX_FLOODED, 0.4).cause(NETWORK_BLOCKED, 0.25).source(EXO_THROTTLING),
      anyOf("4.3.2").regex("\\b4\\.3\\.2\\b")
          .says("SMTP 4.3.2: Exchange is not accepting connections for now (service busy or throttled)")
          .cause(THROTTLED, 0.6).cause(NETWORK_BLOCKED, 0.25).source(EXO_THROTTLING),
      anyOf("request is throttled", "suggested backoff time", "server busy", "concurrent connections limit")
          .says("Exchange throttles the mailbox or connection").cause(THROTTLED, 0.88).cause(INBOX_FLOODED, 0.5).source(EXO_THROTTLING),
      anyOf("mailboxnotenabledforrestapi", "mailbox is either inactive, soft-deleted", "hosted on-premise", "does not have a mailbox",
              "mailbox is not licensed", "no exchange online license", "user does not have a license")
          .says("The account has no Exchange Online mailbox (no licence)").cause(NO_LICENSE, 0.88).source(GRAPH_NO_MAILBOX),
      anyOf("erroraccessdenied", "access is denied. check credentials")
          .says("Exchange denies access to the mailbox").cause(MAILBOX_PERMISSION, 0.55).cause(SCOPES, 0.45).source(GET_IMAP_ACCESS_TOKEN),

      // --- Exchange Online SMTP AUTH (5.7.139 says which reason in its text)
      anyOf("smtpclientauthentication is disabled", "smtp_auth_disabled", "smtp auth is disabled", "smtpclientauthenticationdisabled")
          .says("SMTP AUTH is disabled for the tenant or mailbox").cause(SMTP_AUTH_DISABLED, 0.96).source(EXO_SMTP_5_7_139),
      anyOf("basic authentication is disabled", "basic auth is disabled", "basicauthblocked")
          .says("Exchange refuses basic (password) authentication").cause(BASIC_AUTH_REJECTED, 0.93).source(EXO_BASIC_AUTH),
      anyOf("security defaults policy", "locked by your organization's security defaults")
          .says("Security defaults block SMTP AUTH for this user").cause(CONDITIONAL_ACCESS, 0.9).source(EXO_SECURITY_DEFAULTS),
      anyOf("did not meet the criteria to be authenticated")
          .says("Exchange refused SMTP AUTH by policy (conditional access, SMTP AUTH off, or a password where OAuth is needed)")
          .cause(CONDITIONAL_ACCESS, 0.55).cause(SMTP_AUTH_DISABLED, 0.48).cause(BASIC_AUTH_REJECTED, 0.45).source(EXO_SMTP_5_7_139),
      anyOf("5.7.139").says("SMTP 5.7.139: authentication refused by a tenant or mailbox setting")
          .cause(SMTP_AUTH_DISABLED, 0.5).cause(BASIC_AUTH_REJECTED, 0.45).cause(CONDITIONAL_ACCESS, 0.4).source(EXO_SMTP_5_7_139),
      anyOf("5.7.3").regex("5\\.7\\.3\\b")
          .says("SMTP 5.7.3: Exchange refused the token (SMTP.Send scope, SMTP AUTH, mailbox or user)")
          .cause(SCOPES, 0.45).cause(SMTP_AUTH_DISABLED, 0.42).cause(MAILBOX_PERMISSION, 0.38).cause(WRONG_USER_AUTHORIZED, 0.35)
          .cause(NO_LICENSE, 0.3).cause(ACCESS_TOKEN_EXPIRED, 0.3).cause(BASIC_AUTH_REJECTED, 0.3).source(EXO_OAUTH),
      anyOf("5.7.57", "client not authenticated to send")
          .says("SMTP 5.7.57: mail was sent without authenticating").cause(INVALID_CONFIGURATION, 0.55).cause(SMTP_AUTH_DISABLED, 0.35)
          .source(EXO_SMTP_AUTH),
      anyOf("5.7.60", "sendasdenied", "not allowed to send as", "sendasdeniedexception")
          .says("The authorizing user may not send as this mailbox").cause(MAILBOX_PERMISSION, 0.85).cause(WRONG_USER_AUTHORIZED, 0.35)
          .source(EXO_NDR_5_7_60));

  public MicrosoftSignatures() {
    super("microsoft", ROWS);
  }
}
