package dev.maildiag.google;

import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import java.util.List;
import java.util.Map;

/** How to fix each root cause on Gmail and Google Workspace: the exact setting or console path, and where Google documents it. */
public final class GoogleRemediations {
  private static final Map<String, Remediation> BY_ROOT_CAUSE = Map.ofEntries(
      Map.entry(RootCause.SCOPES, fix(List.of(
          "Configure the mail handler to request exactly https://mail.google.com/: Gmail API scopes such as gmail.readonly or gmail.send do not work for IMAP, POP or SMTP.",
          "Google Cloud console > APIs & Services > OAuth consent screen > Data access (Scopes): add https://mail.google.com/.",
          "Authorize the mailbox again so that a token with that scope is issued."),
          GoogleCatalog.XOAUTH2_DOC)),
      Map.entry(RootCause.PROTOCOL_DISABLED, fix(List.of(
          "Gmail: Settings (gear) > See all settings > Forwarding and POP/IMAP > enable IMAP access (where the switch is still shown) or POP download > Save Changes.",
          "Google Workspace: Admin console > Apps > Google Workspace > Gmail > End User Access > POP and IMAP access: allow IMAP (or POP) for the user's organizational unit.",
          "Admin console changes can take up to 24 hours; test again afterwards."),
          "https://support.google.com/mail/answer/7126229", "https://support.google.com/a/answer/105694")),
      Map.entry(RootCause.BASIC_AUTH_REJECTED, fix(List.of(
          "Use OAuth 2.0 (SASL XOAUTH2) with the scope https://mail.google.com/ instead of the account password: Google no longer accepts account passwords from mail clients (\"less secure apps\").",
          "Only if a password is unavoidable: turn on 2-Step Verification and create an app password (Google Account > Security > 2-Step Verification > App passwords).",
          "\"Please log in via your web browser\" (5.7.14): sign in once at https://accounts.google.com from the same network to clear the block, then retry."),
          "https://support.google.com/accounts/answer/185833", "https://support.google.com/a/answer/14114704")),
      Map.entry(RootCause.REFRESH_TOKEN_INVALID, fix(List.of(
          "If the app's publishing status is \"Testing\", its refresh tokens expire after 7 days: Google Cloud console > APIs & Services > OAuth consent screen > Audience > Publish app.",
          "Authorize the mailbox again to obtain a new refresh token.",
          "Refresh tokens are also revoked when the user changes the password, removes the app at https://myaccount.google.com/permissions, or the account exceeds 100 refresh tokens for the client."),
          "https://developers.google.com/identity/protocols/oauth2#expiration")),
      Map.entry(RootCause.CLIENT_SECRET_INVALID, fix(List.of(
          "Google Cloud console > APIs & Services > Credentials > OAuth 2.0 Client IDs > your client: copy the client secret (or add a new one) into the mail handler.",
          "Make sure the client id and secret belong to the same OAuth client that issued the refresh token; a refresh token only works with its own client."),
          "https://support.google.com/cloud/answer/6158849")),
      Map.entry(RootCause.APP_NOT_FOUND, fix(List.of(
          "Check the client id against Google Cloud console > APIs & Services > Credentials > OAuth 2.0 Client IDs.",
          "A deleted OAuth client can be restored there within 30 days; otherwise create a new client, configure it and authorize the mailbox again."),
          "https://support.google.com/cloud/answer/6158849")),
      Map.entry(RootCause.ADMIN_POLICY_BLOCKED, fix(List.of(
          "Workspace admin: Admin console > Security > Access and data control > API controls > Manage Third-Party App Access > Configure new app: find the client id and set it to Trusted.",
          "org_internal: the app's user type is Internal, so only accounts of the organization that owns the Cloud project may use it; sign in with such an account or set the user type to External.",
          "Service account with domain-wide delegation: Admin console > Security > Access and data control > API controls > Domain-wide delegation: add the service account's client id with https://mail.google.com/."),
          "https://support.google.com/a/answer/7281227", "https://support.google.com/a/answer/162106")),
      Map.entry(RootCause.APP_UNVERIFIED, fix(List.of(
          "Google Cloud console > APIs & Services > OAuth consent screen > Audience > Test users: add the mailbox's account, or publish the app.",
          "https://mail.google.com/ is a restricted scope: an External app in production needs Google's verification (and a security assessment).",
          "While the app stays in Testing, its refresh tokens expire after 7 days."),
          "https://support.google.com/cloud/answer/7454865")),
      Map.entry(RootCause.ACCESS_TOKEN_EXPIRED, fix(List.of(
          "Refresh the access token before each connection: Google access tokens last about an hour, and a session authenticated with OAuth ends when its token expires.",
          "Check that the server's clock is right."),
          "https://developers.google.com/identity/protocols/oauth2")),
      Map.entry(RootCause.WRONG_USER_AUTHORIZED, fix(List.of(
          "Authorize the mailbox again in a private browser window and pick the mailbox's own account: Google's account chooser offers every account signed in to the browser.",
          "The login (XOAUTH2 user=) must be the address the token was issued to."),
          GoogleCatalog.XOAUTH2_DOC)),
      Map.entry(RootCause.MAILBOX_PERMISSION, fix(List.of(
          "Gmail has no delegated mailbox access over IMAP, POP or SMTP (delegation works only in the Gmail web interface): set the login to the mailbox's address and authorize as that account.",
          "Google Workspace: use a service account with domain-wide delegation that impersonates the mailbox (scope https://mail.google.com/)."),
          "https://support.google.com/mail/answer/138350", GoogleCatalog.XOAUTH2_DOC)),
      Map.entry(RootCause.THROTTLED, fix(List.of(
          "Gmail allows at most 15 simultaneous IMAP connections per account and limits bandwidth: reduce the polling frequency and close idle connections.",
          "Wait (limits reset within about a day) and test again."),
          "https://support.google.com/a/answer/1071518")),
      Map.entry(RootCause.TLS_MODE_MISMATCH, fix(List.of(
          "Use SSL/TLS on imap.gmail.com:993, pop.gmail.com:995 and smtp.gmail.com:465; STARTTLS on smtp.gmail.com:587."),
          GoogleCatalog.OAUTH_OVERVIEW)),
      Map.entry(RootCause.INVALID_CONFIGURATION, fix(List.of(
          "Use Google's endpoints: authorization " + GoogleCatalog.AUTHORIZATION_ENDPOINT + ", token " + GoogleCatalog.TOKEN_ENDPOINT + "."),
          "https://accounts.google.com/.well-known/openid-configuration")));

  private GoogleRemediations() {}

  /** Google's fix for a root cause, or {@link Remediation#NONE} when there is no Google-specific one. */
  public static Remediation of(String rootCause) {
    return BY_ROOT_CAUSE.getOrDefault(rootCause, Remediation.NONE);
  }

  /** The root causes with a Google-specific fix. */
  public static java.util.Set<String> rootCauses() {
    return BY_ROOT_CAUSE.keySet();
  }

  private static Remediation fix(List<String> steps, String... links) {
    return Remediation.of(steps, links);
  }
}
