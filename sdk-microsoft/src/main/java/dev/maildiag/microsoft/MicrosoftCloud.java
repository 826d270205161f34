package dev.maildiag.microsoft;

import dev.maildiag.api.Protocol;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Microsoft 365 cloud: where users sign in, where mail clients connect and which resource the mail
 * scopes name. Values come from {@link MicrosoftClouds}, which cites a public source for each.
 *
 * @param id {@code worldwide}, {@code gcc}, {@code gcc-high}, {@code dod} or {@code china}
 * @param name the cloud's name in Microsoft's words
 * @param authorityHost the sign-in host, e.g. {@code login.microsoftonline.com}
 * @param authorityAliases other host names of the same authority
 * @param mail the mail endpoint per protocol
 * @param otherMailHosts further mail host names of this cloud (wildcards as {@code *.suffix})
 * @param scopeResource the resource delegated mail scopes are prefixed with, ending in {@code /}
 * @param audiences {@code aud} values of a mail access token issued in this cloud
 * @param appOnlyScope the scope of a client-credentials token request
 * @param confidence H (Microsoft doc or MSAL code), M (vendor KB), L (third-party code only)
 * @param sources the public pages the values come from
 */
public record MicrosoftCloud(
    String id,
    String name,
    String authorityHost,
    List<String> authorityAliases,
    Map<Protocol, MailEndpoint> mail,
    List<String> otherMailHosts,
    String scopeResource,
    List<String> audiences,
    String appOnlyScope,
    String confidence,
    List<String> sources) {

  /** Delegated permission per protocol, the same name in every cloud. */
  public static final Map<Protocol, String> DELEGATED = Map.of(
      Protocol.IMAP, "IMAP.AccessAsUser.All",
      Protocol.POP3, "POP.AccessAsUser.All",
      Protocol.SMTP, "SMTP.Send");

  /** App-only (client credentials) role per protocol. */
  public static final Map<Protocol, String> APP_ONLY = Map.of(
      Protocol.IMAP, "IMAP.AccessAsApp",
      Protocol.POP3, "POP.AccessAsApp",
      Protocol.SMTP, "SMTP.SendAsApp");

  /** The scope that lets the handler refresh tokens without the user. */
  public static final String OFFLINE_ACCESS = "offline_access";

  public MicrosoftCloud {
    authorityAliases = List.copyOf(authorityAliases);
    mail = Map.copyOf(mail);
    otherMailHosts = List.copyOf(otherMailHosts);
    audiences = List.copyOf(audiences);
    sources = List.copyOf(sources);
  }

  /** The full delegated scope for a protocol, e.g. {@code https://outlook.office.com/IMAP.AccessAsUser.All}. */
  public String delegatedScope(Protocol protocol) {
    return scopeResource + DELEGATED.get(protocol);
  }

  /** {@code https://<authority>/<tenant>/oauth2/v2.0/token}; tenant may be {@code common} or {@code organizations}. */
  public String tokenEndpoint(String tenant) {
    return "https://" + authorityHost + "/" + tenant + "/oauth2/v2.0/token";
  }

  public String authorizationEndpoint(String tenant) {
    return "https://" + authorityHost + "/" + tenant + "/oauth2/v2.0/authorize";
  }

  /** Whether a host is this cloud's sign-in authority. */
  public boolean isAuthority(String host) {
    String h = lower(host);
    return h.equals(authorityHost) || authorityAliases.contains(h);
  }

  /** Whether a host is one of this cloud's mail hosts. */
  public boolean isMailHost(String host) {
    String h = lower(host);
    if (mail.values().stream().anyMatch(e -> e.host().equals(h))) {
      return true;
    }
    return otherMailHosts.stream().anyMatch(o -> o.startsWith("*.") ? h.endsWith(o.substring(1)) : o.equals(h));
  }

  /** Whether a scope (or audience) names this cloud's mail resource. */
  public boolean isResourceOf(String scopeOrAudience) {
    String s = lower(scopeOrAudience);
    if (s.startsWith(scopeResource)) {
      return true;
    }
    return audiences.stream().anyMatch(a -> s.equals(a) || s.startsWith(a + "/"));
  }

  public Optional<MailEndpoint> endpoint(Protocol protocol) {
    return Optional.ofNullable(mail.get(protocol));
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
