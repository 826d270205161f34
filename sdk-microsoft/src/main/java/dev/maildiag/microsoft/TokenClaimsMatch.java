package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The access token is for this cloud's mail resource, holds the protocol's permission, belongs to the
 * login user and to the configured tenant. Reads {@link Facts#TOKEN_CLAIMS} (decoded without verifying
 * the signature by {@code oauth.claims}).
 */
public final class TokenClaimsMatch implements Check {
  public static final String ID = "microsoft.token-claims";
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Access token is for this cloud, protocol, user and tenant")
        .finds(RootCause.SCOPES, RootCause.CLOUD_MISMATCH, RootCause.WRONG_USER_AUTHORIZED, RootCause.MAILBOX_PERMISSION)
        .after("oauth.claims");
  }

  @Override
  public Finding run(CheckContext ctx) {
    Optional<TokenClaims> read = ctx.facts().get(Facts.TOKEN_CLAIMS);
    if (read.isEmpty()) {
      return Finding.skipped("No token claims were read").build();
    }
    TokenClaims t = read.get();
    DiagnosticContext c = ctx.context();
    Protocol protocol = c.server().protocol() == null ? Protocol.IMAP : c.server().protocol();
    MicrosoftCloud cloud = MicrosoftCatalog.cloudOf(c).orElse(MicrosoftClouds.WORLDWIDE);
    Finding f = audience(c, t, cloud);
    if (f == null) {
      f = permission(c, t, protocol);
    }
    if (f == null) {
      f = user(c, t);
    }
    if (f == null) {
      f = Finding.ok("The token is for " + cloud.name() + " mail, holds " + (t.isAppOnly() ? MicrosoftCloud.APP_ONLY : MicrosoftCloud.DELEGATED).get(protocol)
          + (t.user() == null ? "" : " and belongs to " + t.user())).build();
    }
    return withEvidence(f, t);
  }

  private static Finding audience(DiagnosticContext c, TokenClaims t, MicrosoftCloud cloud) {
    String aud = t.audience();
    if (aud == null || cloud.isResourceOf(aud)) {
      return null;
    }
    Optional<MicrosoftCloud> other = MicrosoftClouds.byResource(aud);
    if (other.isPresent()) {
      return Finding.error("The token is for " + other.get().name() + " mail (aud " + aud + ") but the account is in " + cloud.name())
          .rootCause(RootCause.CLOUD_MISMATCH, 0.9)
          .alternative(RootCause.SCOPES, 0.5, "The scopes name another cloud's resource")
          .remediation(MicrosoftFixes.of(RootCause.CLOUD_MISMATCH, c)).build();
    }
    return Finding.error("The token is not for Exchange Online mail: its audience is " + aud)
        .rootCause(RootCause.SCOPES, 0.9)
        .detail("A token for another API (e.g. Microsoft Graph) is refused by IMAP, POP and SMTP.")
        .remediation(MicrosoftFixes.of(RootCause.SCOPES, c)).build();
  }

  private static Finding permission(DiagnosticContext c, TokenClaims t, Protocol protocol) {
    boolean appOnly = t.isAppOnly();
    String needed = (appOnly ? MicrosoftCloud.APP_ONLY : MicrosoftCloud.DELEGATED).get(protocol);
    if ((appOnly ? t.roles() : t.scopes()).stream().anyMatch(s -> s.equalsIgnoreCase(needed))) {
      return null;
    }
    return Finding.error("The token lacks " + needed + " (" + (appOnly ? "roles" : "scp") + ": "
            + String.join(" ", appOnly ? t.roles() : t.scopes()) + ")")
        .rootCause(RootCause.SCOPES, 0.95)
        .remediation(MicrosoftFixes.of(RootCause.SCOPES, c)).build();
  }

  private static Finding user(DiagnosticContext c, TokenClaims t) {
    String login = c.server().login();
    String mailbox = c.server().effectiveMailbox();
    String tenant = c.oauth().tenant();
    if (!t.isAppOnly() && t.user() != null && login != null && !same(t.user(), login)) {
      return Finding.error("The token belongs to " + t.user() + ", not to the login " + login)
          .rootCause(RootCause.WRONG_USER_AUTHORIZED, 0.85)
          .alternative(RootCause.MAILBOX_PERMISSION, 0.35, "Only if " + t.user() + " was meant to authorize: it then needs Full Access to " + mailbox)
          .detail("The browser signed in another account when the mailbox was authorized, often a cached session.")
          .remediation(MicrosoftFixes.of(RootCause.WRONG_USER_AUTHORIZED, c)).build();
    }
    if (tenant != null && t.tenant() != null && GUID.matcher(tenant).matches() && !tenant.equalsIgnoreCase(t.tenant())) {
      return Finding.warning("The token was issued by tenant " + t.tenant() + ", not the configured " + tenant)
          .rootCause(RootCause.WRONG_USER_AUTHORIZED, 0.6)
          .remediation(MicrosoftFixes.of(RootCause.WRONG_USER_AUTHORIZED, c)).build();
    }
    if (mailbox != null && login != null && !same(mailbox, login)) {
      String who = t.isAppOnly() ? "the app's service principal" : login;
      return Finding.info("The mailbox " + mailbox + " is opened with " + who + "'s token; that needs Full Access to it")
          .rootCause(RootCause.MAILBOX_PERMISSION, 0.3)
          .remediation(MicrosoftFixes.of(RootCause.MAILBOX_PERMISSION, c)).build();
    }
    return null;
  }

  private static Finding withEvidence(Finding f, TokenClaims t) {
    Finding.Builder b = rebuild(f);
    b.evidence("claims source", t.source())
        .evidence("aud", t.audience())
        .evidence("scp", t.scopes().isEmpty() ? null : String.join(" ", t.scopes()))
        .evidence("roles", t.roles().isEmpty() ? null : String.join(" ", t.roles()))
        .evidence("user", t.user())
        .evidence("tid", t.tenant());
    return b.build();
  }

  private static Finding.Builder rebuild(Finding f) {
    Finding.Builder b = switch (f.severity()) {
      case ERROR -> Finding.error(f.summary());
      case WARNING -> Finding.warning(f.summary());
      case INFO -> Finding.info(f.summary());
      default -> Finding.ok(f.summary());
    };
    b.candidates(f.candidates()).detail(f.detail()).remediation(f.remediation());
    f.evidence().forEach(b::evidence);
    return b;
  }

  private static boolean same(String a, String b) {
    return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }
}
