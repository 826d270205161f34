package dev.maildiag.microsoft;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import static dev.maildiag.api.Protocol.IMAP;
import static dev.maildiag.api.Protocol.POP3;
import static dev.maildiag.api.Protocol.SMTP;
import static dev.maildiag.api.Security.SSL;
import static dev.maildiag.api.Security.STARTTLS;

/**
 * The Microsoft 365 clouds, as data. Each entry names its sources; see also docs/microsoft.md.
 *
 * <p>Sources, by tag:
 * <ul>
 *   <li>[entra-national] https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud</li>
 *   <li>[msal] MSAL Java AzureCloudEndpoint / MSAL.NET KnownMetadataProvider (authority aliases)</li>
 *   <li>[ms-oauth-mail] https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth</li>
 *   <li>[m365-ww] https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges (ID 2)</li>
 *   <li>[m365-gcch] https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-u-s-government-gcc-high-endpoints (ID 5, 13)</li>
 *   <li>[m365-dod] https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-u-s-government-dod-endpoints (ID 4, 13)</li>
 *   <li>[m365-cn] https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges-21vianet (ID 20, 17)</li>
 *   <li>[atl-scopes] https://support.atlassian.com/jira/kb/resolve-oauth-2-0-scope-issues-for-jira-mail-handlers-in-data-center/</li>
 *   <li>[mail-protocols] PowerShell Gallery Mail.Protocols (Get-Scope, Get-Aud); [emailengine] postalsys/emailengine lib/oauth2-apps.js</li>
 * </ul>
 */
public final class MicrosoftClouds {
  private static final String WW_AUTHORITY = "login.microsoftonline.com";
  private static final List<String> WW_ALIASES = List.of("login.windows.net", "login.microsoft.com", "sts.windows.net");
  private static final Map<dev.maildiag.api.Protocol, MailEndpoint> WW_MAIL = Map.of(
      IMAP, new MailEndpoint("outlook.office365.com", 993, SSL),
      POP3, new MailEndpoint("outlook.office365.com", 995, SSL),
      SMTP, new MailEndpoint("smtp.office365.com", 587, STARTTLS));
  private static final List<String> WW_AUDIENCES = List.of(
      "https://outlook.office.com", "https://outlook.office365.com", "00000002-0000-0ff1-ce00-000000000000");

  public static final MicrosoftCloud WORLDWIDE = new MicrosoftCloud("worldwide", "Microsoft 365 Worldwide",
      WW_AUTHORITY, WW_ALIASES, WW_MAIL, List.of("outlook.office.com", "smtp-mail.outlook.com"),
      "https://outlook.office.com/", WW_AUDIENCES, "https://outlook.office365.com/.default", "H",
      List.of("[entra-national]", "[msal]", "[ms-oauth-mail]", "[m365-ww]"));

  /** GCC (moderate) runs on the worldwide hosts and scopes ([m365-gcch] groups "Worldwide (including GCC)"; [atl-scopes]). */
  public static final MicrosoftCloud GCC = new MicrosoftCloud("gcc", "Microsoft 365 GCC",
      WW_AUTHORITY, WW_ALIASES, WW_MAIL, List.of("outlook.office.com"),
      "https://outlook.office.com/", WW_AUDIENCES, "https://outlook.office365.com/.default", "H",
      List.of("[m365-gcch]", "[atl-scopes]", "[ms-oauth-mail]"));

  public static final MicrosoftCloud GCC_HIGH = new MicrosoftCloud("gcc-high", "Microsoft 365 GCC High",
      "login.microsoftonline.us", List.of("login.usgovcloudapi.net"),
      Map.of(IMAP, new MailEndpoint("outlook.office365.us", 993, SSL),
          POP3, new MailEndpoint("outlook.office365.us", 995, SSL),
          SMTP, new MailEndpoint("outlook.office365.us", 587, STARTTLS)),
      List.of("smtp.office365.us"),
      "https://outlook.office365.us/", List.of("https://outlook.office365.us"), "https://outlook.office365.us/.default", "M",
      List.of("[entra-national]", "[m365-gcch]", "[atl-scopes]", "[mail-protocols]"));

  public static final MicrosoftCloud DOD = new MicrosoftCloud("dod", "Microsoft 365 DoD",
      "login.microsoftonline.us", List.of("login.usgovcloudapi.net"),
      Map.of(IMAP, new MailEndpoint("outlook-dod.office365.us", 993, SSL),
          POP3, new MailEndpoint("outlook-dod.office365.us", 995, SSL),
          SMTP, new MailEndpoint("outlook-dod.office365.us", 587, STARTTLS)),
      List.of("webmail.apps.mil"),
      "https://outlook.office365.us/", List.of("https://outlook.office365.us"), "https://outlook.office365.us/.default", "M",
      List.of("[entra-national]", "[m365-dod]", "[atl-scopes]", "[emailengine]"));

  /** Operated by 21Vianet. Hosts are Microsoft's (H); the scope resource only third-party code gives (L). */
  public static final MicrosoftCloud CHINA = new MicrosoftCloud("china", "Microsoft 365 operated by 21Vianet",
      "login.partner.microsoftonline.cn", List.of("login.chinacloudapi.cn"),
      Map.of(IMAP, new MailEndpoint("partner.outlook.cn", 993, SSL),
          POP3, new MailEndpoint("partner.outlook.cn", 995, SSL),
          SMTP, new MailEndpoint("partner.outlook.cn", 587, STARTTLS)),
      List.of("*.partner.outlook.cn"),
      "https://partner.outlook.cn/", List.of("https://partner.outlook.cn"), "https://partner.outlook.cn/.default", "L",
      List.of("[entra-national]", "[m365-cn]", "[mail-protocols]", "[emailengine]"));

  /** Every cloud, worldwide first. */
  public static final List<MicrosoftCloud> ALL = List.of(WORLDWIDE, GCC, GCC_HIGH, DOD, CHINA);

  private MicrosoftClouds() {}

  public static Optional<MicrosoftCloud> byId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String key = id.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    if (key.equals("global") || key.equals("public") || key.equals("commercial")) {
      key = "worldwide";
    }
    String k = key;
    return ALL.stream().filter(c -> c.id().equals(k)).findFirst();
  }

  /** The cloud whose mail host this is; a worldwide host answers worldwide (GCC shares it). */
  public static Optional<MicrosoftCloud> byMailHost(String host) {
    return ALL.stream().filter(c -> c.isMailHost(host)).findFirst();
  }

  /** The cloud whose sign-in authority this is; {@code login.microsoftonline.us} answers GCC High (DoD shares it). */
  public static Optional<MicrosoftCloud> byAuthority(String host) {
    return ALL.stream().filter(c -> c.isAuthority(host)).findFirst();
  }

  /** The cloud whose mail resource a scope or audience names. */
  public static Optional<MicrosoftCloud> byResource(String scopeOrAudience) {
    return ALL.stream().filter(c -> c.isResourceOf(scopeOrAudience)).findFirst();
  }

  /** The host of a URL, or null. */
  public static String hostOf(String url) {
    try {
      return url == null ? null : URI.create(url.trim()).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Two clouds that share hosts and scopes (worldwide and GCC; GCC High and DoD at sign-in) count as one. */
  public static boolean sameFamily(MicrosoftCloud a, MicrosoftCloud b) {
    return a.scopeResource().equals(b.scopeResource()) && a.authorityHost().equals(b.authorityHost());
  }
}
