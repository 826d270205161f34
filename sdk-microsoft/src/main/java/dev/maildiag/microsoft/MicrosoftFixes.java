package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import java.util.List;

/** How to fix each root cause in Microsoft 365: portal paths, PowerShell cmdlets and the documentation. */
public final class MicrosoftFixes {
  static final String DOC_OAUTH_MAIL = "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth";

  private MicrosoftFixes() {}

  /** The fix for a root cause, filled in with the context's mailbox, protocol and cloud; empty when unknown. */
  public static Remediation of(String rootCause, DiagnosticContext c) {
    String mailbox = orElse(c.server().effectiveMailbox(), "<mailbox>");
    String login = orElse(c.server().login(), "<user>");
    Protocol protocol = c.server().protocol() == null ? Protocol.IMAP : c.server().protocol();
    MicrosoftCloud cloud = MicrosoftCatalog.cloudOf(c).orElse(MicrosoftClouds.WORLDWIDE);
    String tenant = orElse(c.oauth().tenant(), "<tenant-id>");
    String flag = protocol == Protocol.POP3 ? "-PopEnabled" : "-ImapEnabled";
    switch (rootCause) {
      case RootCause.SCOPES:
        return Remediation.of(List.of(
            "Configure the scopes: " + cloud.delegatedScope(protocol) + " " + MicrosoftCloud.OFFLINE_ACCESS
                + " (app-only: " + cloud.appOnlyScope() + " with the " + MicrosoftCloud.APP_ONLY.get(protocol) + " application permission).",
            "In Entra admin center > App registrations > <app> > API permissions, add Office 365 Exchange Online > "
                + MicrosoftCloud.DELEGATED.get(protocol) + " and grant consent.",
            "Authorize the mailbox again so a token with these scopes is issued."), DOC_OAUTH_MAIL);
      case RootCause.PROTOCOL_DISABLED:
        return Remediation.of(List.of(
            "Check: Get-CASMailbox -Identity " + mailbox + " | Format-List ImapEnabled,PopEnabled,SmtpClientAuthenticationDisabled",
            "Enable: Set-CASMailbox -Identity " + mailbox + " " + flag + " $true (or Microsoft 365 admin center > Users > Active users > "
                + mailbox + " > Mail > Manage email apps).",
            "Wait for the change to apply (up to an hour) and test again."),
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access");
      case RootCause.MAILBOX_PERMISSION:
        return Remediation.of(List.of(
            "Grant Full Access: Add-MailboxPermission -Identity " + mailbox + " -User " + login + " -AccessRights FullAccess -InheritanceType All"
                + " (or Exchange admin center > Recipients > Mailboxes/Shared > " + mailbox + " > Delegation > Read and manage).",
            "For an app-only token: New-ServicePrincipal -AppId <client-id> -ObjectId <enterprise-application-object-id>, then "
                + "Add-MailboxPermission -Identity " + mailbox + " -User <service-principal-id> -AccessRights FullAccess.",
            "Authorize the mailbox again."),
            "https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-permissions-for-recipients", DOC_OAUTH_MAIL);
      case RootCause.NO_LICENSE:
        return Remediation.of(List.of(
            "Check: Get-Mailbox -Identity " + mailbox + " (no mailbox means no licence with Exchange Online).",
            "Assign a licence with Exchange Online: Microsoft 365 admin center > Users > Active users > " + mailbox + " > Licenses and apps.",
            "Or use a shared mailbox (no licence needed) with Full Access for the authorizing user."),
            "https://learn.microsoft.com/microsoft-365/admin/manage/assign-licenses-to-users");
      case RootCause.CLIENT_ACCESS_RULE:
        return Remediation.of(List.of(
            "List the rules: Get-ClientAccessRule | Format-List Name,Action,AnyOfProtocols,ExceptAnyOfProtocols,Priority",
            "Allow the protocol (add " + (protocol == Protocol.POP3 ? "POP3" : "IMAP4") + " to the allow rule's protocols) or remove the blocking rule with Remove-ClientAccessRule.",
            "Also check Entra conditional-access policies that target legacy or IMAP/POP clients."),
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/client-access-rules/client-access-rules");
      case RootCause.SINGLE_TENANT_ENDPOINT:
        return Remediation.of(List.of(
            "Set the authorization endpoint to " + cloud.authorizationEndpoint(tenant),
            "Set the token endpoint to " + cloud.tokenEndpoint(tenant),
            "Or make the app multi-tenant: Entra admin center > App registrations > <app> > Authentication > Supported account types.",
            "Generate the redirect URL again if the product asks, and register it under the app's Redirect URIs."),
            "https://learn.microsoft.com/entra/identity-platform/howto-convert-app-to-be-multi-tenant");
      case RootCause.CLOUD_MISMATCH:
        return Remediation.of(List.of(
            "Use one cloud throughout (" + cloud.name() + "): mail host " + cloud.endpoint(protocol).map(MailEndpoint::host).orElse("?")
                + ", sign-in " + cloud.tokenEndpoint(tenant) + ", scopes " + cloud.delegatedScope(protocol) + " offline_access.",
            "Check that the host product supports this cloud."),
            "https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud");
      case RootCause.POP_OAUTH_FORMAT:
        return Remediation.of(List.of(
            "Turn on the two-line XOAUTH2 format (Jira: Incoming Mail > Mail Server > 'Use two line authentication format'; "
                + "Jakarta Mail: mail.pop3.auth.xoauth2.two.line.authentication.format=true).",
            "Use Jira 8.5.12+, 8.13.4+ or 8.15.0+ for POP3 with OAuth 2.0."), DOC_OAUTH_MAIL);
      case RootCause.WRONG_USER_AUTHORIZED:
        return Remediation.of(List.of(
            "Authorize the mailbox again in a private browser window, signing in as " + login + ".",
            "If the browser keeps choosing another account, sign out at https://" + cloud.authorityHost() + "/common/oauth2/v2.0/logout first."),
            "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow");
      case RootCause.CLIENT_SECRET_EXPIRED:
      case RootCause.CLIENT_SECRET_INVALID:
        return Remediation.of(List.of(
            "Entra admin center > Applications > App registrations > <app> > Certificates & secrets > New client secret.",
            "Copy the secret's Value (not its Secret ID) into the mail handler's OAuth configuration.",
            "Authorize the mailbox again if the product asks."),
            "https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials");
      case RootCause.CONSENT_REQUIRED:
        return Remediation.of(List.of(
            "Entra admin center > App registrations > <app> > API permissions > Grant admin consent for the tenant.",
            "Or open https://" + cloud.authorityHost() + "/" + tenant + "/adminconsent?client_id=<client-id> as an administrator."),
            "https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent");
      case RootCause.CONDITIONAL_ACCESS:
        return Remediation.of(List.of(
            "Entra admin center > Monitoring > Sign-in logs: open the failed sign-in and its Conditional Access tab.",
            "Ask the identity administrator to allow this app and user (or to exclude the service account from the blocking policy)."),
            "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access");
      case RootCause.REFRESH_TOKEN_INVALID:
        return Remediation.of(List.of("Authorize the mailbox again in the product to obtain a new refresh token.",
            "If it keeps expiring, check token-lifetime and sign-in-frequency policies in Entra."),
            "https://learn.microsoft.com/entra/identity-platform/refresh-tokens");
      case RootCause.APP_NOT_FOUND:
        return Remediation.of(List.of("Copy the Application (client) ID from Entra admin center > App registrations > <app> > Overview.",
            "Check the app is registered in the same tenant and cloud as the endpoints."),
            "https://learn.microsoft.com/entra/identity-platform/reference-error-codes");
      case RootCause.TENANT_NOT_FOUND:
        return Remediation.of(List.of("Copy the Tenant ID from Entra admin center > Overview and use it in the endpoints.",
            "Use the sign-in host of the tenant's cloud (" + cloud.authorityHost() + ")."),
            "https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud");
      case RootCause.REDIRECT_URI_MISMATCH:
        return Remediation.of(List.of("Entra admin center > App registrations > <app> > Authentication > add the product's exact redirect URI."),
            "https://learn.microsoft.com/entra/identity-platform/reply-url");
      case RootCause.SMTP_AUTH_DISABLED:
        return Remediation.of(List.of(
            "Mailbox: Set-CASMailbox -Identity " + mailbox + " -SmtpClientAuthenticationDisabled $false",
            "Organisation: Set-TransportConfig -SmtpClientAuthenticationDisabled $false (if the mailbox setting is not set)."),
            "https://aka.ms/smtp_auth_disabled");
      case RootCause.BASIC_AUTH_REJECTED:
        return Remediation.of(List.of("Switch the handler to OAuth 2.0 (XOAUTH2); Exchange Online no longer accepts passwords for IMAP, POP or SMTP AUTH."),
            DOC_OAUTH_MAIL);
      case RootCause.ACCESS_TOKEN_EXPIRED:
        return Remediation.of(List.of("Refresh the access token before connecting (they last about an hour).",
            "Check this machine's clock."), "https://learn.microsoft.com/entra/identity-platform/access-tokens");
      default:
        return Remediation.NONE;
    }
  }

  private static String orElse(String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v;
  }
}
