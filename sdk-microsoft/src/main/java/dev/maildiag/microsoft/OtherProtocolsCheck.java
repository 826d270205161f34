package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.MailLogins;
import dev.maildiag.api.spi.TokenClaims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a disabled protocol from a missing licence, which Exchange answers alike ({@code AUTHENTICATE
 * failed}): when the token also holds another mail protocol's permission, it logs in with the same token
 * over each protocol (nothing else: no folder is opened). The configured protocol refused while another
 * accepts means that protocol is disabled; every protocol refusing a correct token means there is no
 * mailbox, i.e. no Exchange Online licence.
 */
public final class OtherProtocolsCheck implements Check {
  public static final String ID = "microsoft.other-protocols";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Same token on the mailbox's other protocols")
        .finds(RootCause.PROTOCOL_DISABLED, RootCause.NO_LICENSE)
        .after("oauth.claims", TokenClaimsMatch.ID, "oauth.xoauth2");
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    Protocol p = context.server().protocol();
    return p == Protocol.IMAP || p == Protocol.POP3;
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    Optional<TokenClaims> claims = ctx.facts().get(Facts.TOKEN_CLAIMS);
    Secret token = ctx.facts().get(Facts.ACCESS_TOKEN).orElse(c.tokens().accessToken());
    if (claims.isEmpty() || token == null) {
      return Finding.skipped("No readable access token to try").build();
    }
    Protocol main = c.server().protocol();
    List<Protocol> others = new ArrayList<>();
    for (Protocol p : List.of(Protocol.IMAP, Protocol.POP3)) {
      if (p != main && holds(claims.get(), p)) {
        others.add(p);
      }
    }
    if (!holds(claims.get(), main)) {
      return Finding.skipped("The token lacks " + main.label() + "'s permission (see " + TokenClaimsMatch.ID + ")").build();
    }
    if (others.isEmpty()) {
      return Finding.skipped("The token holds no other mail protocol's permission, so a disabled protocol cannot be told from a missing licence here")
          .build();
    }
    // the live probe already tried the configured protocol: another login would only repeat its answer
    Boolean mainAccepted = ctx.facts().get(Facts.TOKEN_ACCEPTED).orElseGet(() -> login(ctx, c, main));
    if (mainAccepted == null) {
      return Finding.skipped("The login over " + main.label() + " did not get an answer; see the live probes").build();
    }
    if (mainAccepted) {
      return Finding.ok("The token logs in over " + main.label()).build();
    }
    Map<Protocol, Boolean> accepted = new LinkedHashMap<>();
    for (Protocol p : others) {
      Boolean ok = login(ctx, c, p);
      if (ok != null) {
        accepted.put(p, ok);
      }
    }
    if (accepted.isEmpty()) {
      return Finding.info("The other protocols could not be tried to the end").build();
    }
    OtherProtocols result = new OtherProtocols(accepted);
    ctx.facts().put(OtherProtocols.FACT, result);
    String mailbox = c.server().effectiveMailbox();
    Finding.Builder f;
    if (result.anyAccepted()) {
      f = Finding.error(main.label().toUpperCase(java.util.Locale.ROOT) + " refuses the token that " + names(accepted, true) + " accepts: "
              + main.label() + " is disabled for " + mailbox)
          .rootCause(RootCause.PROTOCOL_DISABLED, 0.9)
          .remediation(MicrosoftFixes.of(RootCause.PROTOCOL_DISABLED, c));
    } else {
      f = Finding.error("Every mail protocol refuses a token that is right for them: " + mailbox + " has no mailbox (no Exchange Online licence)")
          .rootCause(RootCause.NO_LICENSE, 0.8)
          .alternative(RootCause.PROTOCOL_DISABLED, 0.4, "Every protocol may be disabled for " + mailbox)
          .remediation(MicrosoftFixes.of(RootCause.NO_LICENSE, c));
    }
    accepted.forEach((p, ok) -> f.evidence(p.label(), ok ? "accepted" : "refused"));
    return f.evidence(main.label(), "refused").build();
  }

  private static boolean holds(TokenClaims t, Protocol p) {
    String needed = (t.isAppOnly() ? MicrosoftCloud.APP_ONLY : MicrosoftCloud.DELEGATED).get(p);
    return (t.isAppOnly() ? t.roles() : t.scopes()).stream().anyMatch(s -> s.equalsIgnoreCase(needed));
  }

  /**
   * True when accepted, false when authentication was refused, null when the attempt failed otherwise. The
   * login goes through the SDK's read-only login, so it is made as the same {@code user=} as the core probe's.
   */
  private static Boolean login(CheckContext ctx, DiagnosticContext c, Protocol p) {
    DiagnosticContext target = targetFor(c, p);
    if (target == null) {
      return null;
    }
    MailLogins.Result result = ctx.mail().login(p, target.server().host(), target.server().effectivePort(), target.server().security());
    return switch (result.outcome()) {
      case ACCEPTED -> true;
      case REFUSED -> false;
      default -> null;
    };
  }

  private static DiagnosticContext targetFor(DiagnosticContext c, Protocol p) {
    if (p == c.server().protocol()) {
      return c;
    }
    Optional<MailEndpoint> e = c.attribute(MailEndpoints.ATTRIBUTE).flatMap(m -> m.get(p))
        .or(() -> MicrosoftCatalog.cloudOf(c).flatMap(cl -> cl.endpoint(p)));
    return e.map(ep -> c.toBuilder().protocol(p).host(ep.host()).port(ep.port()).security(ep.security()).build()).orElse(null);
  }

  private static String names(Map<Protocol, Boolean> accepted, boolean value) {
    return String.join(" and ", accepted.entrySet().stream().filter(x -> x.getValue() == value).map(x -> x.getKey().label()).toList());
  }
}
