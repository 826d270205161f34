package dev.maildiag.microsoft;

import static dev.maildiag.api.RootCause.*;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.util.List;
import static dev.maildiag.api.spi.Signature.anyOf;

/**
 * What Microsoft Entra ID and Exchange Online (IMAP, POP3, SMTP answers) say in words, and the root causes each
 * text points to. One row per signal, with the public source of its meaning. The AADSTS codes themselves are
 * read by {@link EntraCodes}, Exchange's status codes and documented answers by {@link ExchangeCodes}.
 */
public final class MicrosoftSignatures extends SignatureTable {
  static final String ENTRA_CODES = "https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes";
  static final String ENTRA_NATIONAL = "https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud";
  static final String EXO_OAUTH = "https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth";
  static final String EXO_SMTP_5_7_139 = "https://aka.ms/smtp_auth_disabled";
  static final String EXO_BASIC_AUTH = "https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online";
  static final String EXO_SECURITY_DEFAULTS = "https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults";
  static final String EXO_THROTTLING = "https://learn.microsoft.com/en-us/exchange/mailbox-migration/office-365-migration-best-practices#throttling";

  static final List<Signature> ROWS = List.of(
      // --- Entra ID: the client and its secret
      anyOf("client secret keys are expired", "client secret keys for app").regex("client secret keys.{0,80}(?:are )?expired")
          .says("The client secret has expired").cause(CLIENT_SECRET_EXPIRED, 0.96).source(ENTRA_CODES),
      anyOf("invalid client secret").says("The client secret is not valid").cause(CLIENT_SECRET_INVALID, 0.93).source(ENTRA_CODES),

      // --- Entra ID: the app, the tenant, the endpoint and the cloud
      anyOf("not configured as a multi-tenant application", "usage of the /common endpoint is not supported")
          .says("A single-tenant app was used with the /common endpoint").cause(SINGLE_TENANT_ENDPOINT, 0.96).source(ENTRA_CODES),
      anyOf("was not found in the directory").regex("application with identifier.{0,120}was not found in the directory")
          .says("The application was not found in the directory").cause(APP_NOT_FOUND, 0.92).cause(CLOUD_MISMATCH, 0.3).source(ENTRA_CODES),
      anyOf("tenant '", "tenant \"", "tenant not found", "tenantnotfound").regex("tenant ['\"].{1,80}['\"] not found|tenant ?not ?found")
          .says("The tenant does not exist in this cloud").cause(TENANT_NOT_FOUND, 0.9).cause(CLOUD_MISMATCH, 0.35).source(ENTRA_CODES),
      anyOf("cross cloud", "cross-cloud", "national cloud", "does not federate with", "usgclientnotsupportedonpublicendpoint")
          .says("Authority, hosts or scopes belong to different clouds").cause(CLOUD_MISMATCH, 0.9).source(ENTRA_NATIONAL),
      anyOf("resource principal named").says("The scope's resource does not exist in the tenant's cloud")
          .cause(SCOPES, 0.6).cause(CLOUD_MISMATCH, 0.55).source(ENTRA_CODES),

      // --- Entra ID: consent and assignment
      anyOf("has not consented", "not consented to use the application")
          .says("Consent to the app is missing").cause(CONSENT_REQUIRED, 0.93).source(ENTRA_CODES),

      // --- Entra ID: policy, MFA, conditional access
      anyOf("multi-factor authentication", "multifactor authentication", "conditional access", "security defaults",
              "device is not in required device state", "strong authentication")
          .says("A multi-factor, conditional-access or security-defaults policy blocks the sign-in")
          .cause(CONDITIONAL_ACCESS, 0.88).cause(REFRESH_TOKEN_INVALID, 0.3).source(EXO_SECURITY_DEFAULTS),

      // --- Entra ID: grants (refresh token, code)
      anyOf("expired due to inactivity", "token has been revoked", "grant has been revoked", "refresh token has expired")
          .says("The refresh token is expired or revoked").cause(REFRESH_TOKEN_INVALID, 0.92).source(ENTRA_CODES),

      // --- Entra ID: redirect URIs and request shape
      anyOf("does not match the redirect uris configured", "reply url specified in the request does not match")
          .says("The redirect URI does not match the app registration").cause(REDIRECT_URI_MISMATCH, 0.95).source(ENTRA_CODES),

      // --- Entra ID: the account
      anyOf("does not exist in tenant").says("The signed-in account does not exist in the app's tenant")
          .cause(WRONG_USER_AUTHORIZED, 0.6).cause(SINGLE_TENANT_ENDPOINT, 0.45).cause(TENANT_NOT_FOUND, 0.3).source(ENTRA_CODES),

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
      anyOf("authenticate plain", "authenticate login", "login failed", "password=<non-null>")
          .regex("authenticate (?:plain|login)|\\blogin failed|password=<non-null>")
          .says("A password login was tried where Exchange Online only accepts OAuth").cause(BASIC_AUTH_REJECTED, 0.8)
          .cause(PROTOCOL_DISABLED, 0.3).source(EXO_BASIC_AUTH),
      anyOf("4.3.2").regex("\\b4\\.3\\.2\\b")
          .says("SMTP 4.3.2: Exchange is not accepting connections for now (service busy or throttled)")
          .cause(THROTTLED, 0.6).cause(NETWORK_BLOCKED, 0.25).source(EXO_THROTTLING),

      // --- Exchange Online SMTP AUTH (5.7.139 says which reason in its text)
      anyOf("did not meet the criteria to be authenticated")
          .says("Exchange refused SMTP AUTH by policy (conditional access, SMTP AUTH off, or a password where OAuth is needed)")
          .cause(CONDITIONAL_ACCESS, 0.55).cause(SMTP_AUTH_DISABLED, 0.48).cause(BASIC_AUTH_REJECTED, 0.45).source(EXO_SMTP_5_7_139),
      anyOf("5.7.139").says("SMTP 5.7.139: authentication refused by a tenant or mailbox setting")
          .cause(SMTP_AUTH_DISABLED, 0.5).cause(BASIC_AUTH_REJECTED, 0.45).cause(CONDITIONAL_ACCESS, 0.4).source(EXO_SMTP_5_7_139),
      anyOf("5.7.3").regex("5\\.7\\.3\\b")
          .says("SMTP 5.7.3: Exchange refused the token (SMTP.Send scope, SMTP AUTH, mailbox or user)")
          .cause(SCOPES, 0.45).cause(SMTP_AUTH_DISABLED, 0.42).cause(MAILBOX_PERMISSION, 0.38).cause(WRONG_USER_AUTHORIZED, 0.35)
          .cause(NO_LICENSE, 0.3).cause(ACCESS_TOKEN_EXPIRED, 0.3).cause(BASIC_AUTH_REJECTED, 0.3).source(EXO_OAUTH));

  public MicrosoftSignatures() {
    super("microsoft", ROWS);
  }
}
