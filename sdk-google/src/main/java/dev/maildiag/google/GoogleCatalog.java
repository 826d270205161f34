package dev.maildiag.google;

import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Google publishes about Gmail and Google Workspace for IMAP, POP3 and SMTP with OAuth 2.0, as data.
 * Every entry names its public source; {@code docs/google.md} lists them too.
 */
public final class GoogleCatalog {
  /** A Gmail mail host for one protocol and security. */
  public record MailHost(Protocol protocol, String host, int port, Security security, String source) {}

  /** An OAuth scope and whether it grants IMAP, POP3 and SMTP access. */
  public record Scope(String value, boolean grantsMail, String meaning, String source) {}

  static final String OAUTH_OVERVIEW = "https://developers.google.com/gmail/imap/imap-smtp";
  static final String XOAUTH2_DOC = "https://developers.google.com/gmail/imap/xoauth2-protocol";
  static final String DISCOVERY = "https://accounts.google.com/.well-known/openid-configuration";
  static final String GMAIL_SCOPES_DOC = "https://developers.google.com/gmail/api/auth/scopes";

  public static final List<MailHost> MAIL_HOSTS = List.of(
      new MailHost(Protocol.IMAP, "imap.gmail.com", 993, Security.SSL, OAUTH_OVERVIEW),
      new MailHost(Protocol.POP3, "pop.gmail.com", 995, Security.SSL, OAUTH_OVERVIEW),
      new MailHost(Protocol.SMTP, "smtp.gmail.com", 465, Security.SSL, OAUTH_OVERVIEW),
      new MailHost(Protocol.SMTP, "smtp.gmail.com", 587, Security.STARTTLS, OAUTH_OVERVIEW));

  /** {@code issuer} in Google's discovery document ({@value #DISCOVERY}). */
  public static final String ISSUER = "https://accounts.google.com";
  /** {@code authorization_endpoint} ({@value #DISCOVERY}). */
  public static final String AUTHORIZATION_ENDPOINT = "https://accounts.google.com/o/oauth2/v2/auth";
  /** {@code token_endpoint} ({@value #DISCOVERY}). */
  public static final String TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";
  /** {@code revocation_endpoint} ({@value #DISCOVERY}). */
  public static final String REVOCATION_ENDPOINT = "https://oauth2.googleapis.com/revoke";
  /** {@code GOOGLE_TOKEN_INFO_URI} of Google's oauth2client; reads scope, audience, email and expiry of opaque tokens. */
  public static final String TOKEN_INFO_ENDPOINT = "https://oauth2.googleapis.com/tokeninfo";

  /**
   * Hosts that serve Google's OAuth endpoints, current and legacy: {@code accounts.google.com/o/oauth2/token} is
   * still used by Google's oauth2.py and {@code www.googleapis.com/oauth2/v3/token} by Thunderbird.
   */
  public static final List<String> IDENTITY_HOSTS = List.of("accounts.google.com", "oauth2.googleapis.com", "www.googleapis.com");

  /** Domains whose hosts are Gmail's mail servers (Thunderbird's OAuth2Providers keys). */
  public static final List<String> MAIL_DOMAINS = List.of("gmail.com", "googlemail.com");

  /** The only scope that grants IMAP, POP3 and SMTP access ({@value #XOAUTH2_DOC}). */
  public static final String MAIL_SCOPE = "https://mail.google.com/";

  /** For Workspace domain-wide delegation with a service account over IMAP only ({@value #XOAUTH2_DOC}). */
  public static final String IMAP_ADMIN_SCOPE = "https://www.googleapis.com/auth/gmail.imap_admin";

  public static final List<Scope> SCOPES = List.of(
      new Scope(MAIL_SCOPE, true, "full access to the mailbox over IMAP, POP3 and SMTP", XOAUTH2_DOC),
      new Scope(IMAP_ADMIN_SCOPE, true, "IMAP for a Workspace service account with domain-wide delegation only", XOAUTH2_DOC),
      // Gmail API scopes: accepted by the Gmail REST API, refused by imap/pop/smtp.gmail.com
      new Scope("https://www.googleapis.com/auth/gmail.readonly", false, "Gmail API read access", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.modify", false, "Gmail API read and modify access", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.compose", false, "Gmail API drafts and sending", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.send", false, "Gmail API sending", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.insert", false, "Gmail API inserting messages", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.labels", false, "Gmail API labels", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.metadata", false, "Gmail API headers and labels only", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.settings.basic", false, "Gmail API settings", GMAIL_SCOPES_DOC),
      new Scope("https://www.googleapis.com/auth/gmail.addons.current.message.readonly", false, "Gmail add-on access", GMAIL_SCOPES_DOC));

  private GoogleCatalog() {}

  /** The catalog's mail host for the protocol (and, for SMTP, the security), if any. */
  public static Optional<MailHost> mailHost(Protocol protocol, Security security) {
    return mailHost(protocol, security, 0);
  }

  /** The catalog's mail host for the protocol, preferring the entry of the given security or port (0: any). */
  public static Optional<MailHost> mailHost(Protocol protocol, Security security, int port) {
    if (protocol == null) {
      return Optional.empty();
    }
    return MAIL_HOSTS.stream()
        .filter(h -> h.protocol() == protocol)
        .filter(h -> security == null || h.security() == security || protocol != Protocol.SMTP)
        .filter(h -> port <= 0 || h.port() == port || protocol != Protocol.SMTP)
        .findFirst();
  }

  /** Whether {@code host} is one of Gmail's mail hosts (including smtp-relay and googlemail.com). */
  public static boolean isMailHost(String host) {
    return host != null && MAIL_DOMAINS.stream().anyMatch(d -> inDomain(host, d));
  }

  /** Whether the URL's host serves Google's OAuth endpoints. */
  public static boolean isIdentityUrl(String url) {
    String host = hostOf(url);
    return host != null && IDENTITY_HOSTS.contains(host);
  }

  /** The scope entry for a configured value, if the catalog knows it. */
  public static Optional<Scope> scope(String value) {
    return SCOPES.stream().filter(s -> s.value().equals(value)).findFirst();
  }

  /** The lower-case host of a URL, or null when it has none. */
  static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean inDomain(String host, String domain) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals(domain) || h.endsWith("." + domain);
  }
}
