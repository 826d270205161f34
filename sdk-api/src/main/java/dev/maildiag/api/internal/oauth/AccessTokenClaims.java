package dev.maildiag.api.internal.oauth;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the claims of the access token in use (a fresh one from {@link AccessTokenGrant}, else the
 * configured one) into {@link Facts#TOKEN_CLAIMS} for provider checks and interpreters, and says whether it
 * has expired. Provider modules judge audience, scopes and user.
 */
public final class AccessTokenClaims implements Check {
  public static final String ID = "oauth.claims";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.OAUTH, "Access token is readable and not expired")
        .finds(RootCause.ACCESS_TOKEN_EXPIRED, RootCause.ACCESS_TOKEN_INVALID)
        .after(AccessTokenGrant.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.tokens().accessToken() != null || new AccessTokenGrant().appliesTo(context);
  }

  @Override
  public Finding run(CheckContext ctx) {
    Optional<Secret> fresh = ctx.facts().get(Facts.ACCESS_TOKEN);
    Secret token = fresh.orElse(ctx.context().tokens().accessToken());
    if (token == null) {
      return Finding.skipped("No access token to read: none was configured and none was obtained").build();
    }
    String origin = fresh.isPresent() ? "fresh from " + AccessTokenGrant.ID : "configured";
    Optional<TokenClaims> read = JwtClaims.read(token);
    if (read.isEmpty()) {
      return Finding.info("The access token is opaque (not a JWT), so its claims cannot be read locally")
          .evidence("token", origin)
          .evidence("token length", token.length())
          .build();
    }
    TokenClaims claims = read.get();
    ctx.facts().put(Facts.TOKEN_CLAIMS, claims);
    Finding.Builder f;
    Instant now = Instant.now();
    if (claims.expiresAt() != null && claims.expiresAt().isBefore(now)) {
      f = Finding.error("The access token (" + origin + ") expired " + ago(claims.expiresAt(), now))
          .rootCause(RootCause.ACCESS_TOKEN_EXPIRED, fresh.isPresent() ? 0.9 : 0.95)
          .step("Obtain a fresh access token with the refresh token before connecting.")
          .step("Check that this machine's clock is right (the expiry is compared with it).");
    } else if (notBefore(claims) != null && notBefore(claims).isAfter(now.plusSeconds(60))) {
      f = Finding.error("The access token (" + origin + ") is not valid before " + notBefore(claims))
          .rootCause(RootCause.ACCESS_TOKEN_INVALID, 0.9)
          .step("Check the clocks of this machine and of the identity provider: the token's nbf lies in the future.")
          .step("Obtain a new access token once the clocks agree.")
          .evidence("nbf", notBefore(claims));
    } else {
      f = Finding.ok("The access token (" + origin + ") is readable" + (claims.expiresAt() == null ? "" : " and valid until " + claims.expiresAt()));
    }
    return f.detail("Claims were decoded without verifying the token's signature; they show what the token says, not that it is genuine.")
        .evidence("token", origin)
        .evidence("claims source", claims.source())
        .evidence("aud", claims.audience())
        .evidence("scp", claims.scopes().isEmpty() ? null : String.join(" ", claims.scopes()))
        .evidence("roles", claims.roles().isEmpty() ? null : String.join(" ", claims.roles()))
        .evidence("user", claims.user())
        .evidence("tid", claims.tenant())
        .evidence("client id", claims.clientId())
        .evidence("iss", claims.issuer())
        .evidence("exp", claims.expiresAt())
        .build();
  }

  private static Instant notBefore(TokenClaims claims) {
    String nbf = claims.other().get("nbf");
    try {
      return nbf == null ? null : Instant.parse(nbf);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.toMinutes() < 1 ? "just now" : d.toHours() < 1 ? d.toMinutes() + " min ago" : d.toHours() + " h ago";
  }
}
