package dev.maildiag.api.internal.probe;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the token's own claims say about a server's refusal of it, applied to the interpreters' candidates
 * for every provider: a cause the claims contradict (an unexpired token cannot be "expired", a token of the
 * login's own user is not "another user's") is removed, and a readable, unexpired token of the right user
 * that is still refused points at the server not accepting it as valid (signature, signing key, issuer,
 * audience), which matters most for servers with their own identity provider.
 */
final class RefusedTokenEvidence {
  /** Clock skew allowed before a token counts as expired or not yet valid. */
  private static final long SKEW_SECONDS = 60;

  private RefusedTokenEvidence() {}

  static List<Candidate> weigh(CheckContext ctx, List<Candidate> interpreted) {
    if (interpreted.isEmpty()) {
      return interpreted; // an answer nobody recognised as a refused login stays the server's own words
    }
    Optional<TokenClaims> read = ctx.facts().get(Facts.TOKEN_CLAIMS);
    String user = MailLogin.user(ctx.context().server());
    String login = ctx.context().server().login();
    boolean ownProvider = ctx.context().oauth().provider() == null;
    List<Candidate> out = new ArrayList<>(interpreted);
    if (read.isEmpty()) {
      if (ownProvider && !ctx.facts().has(Facts.ACCESS_TOKEN)) {
        // an opaque token of an unknown identity provider: nothing to read, the server's word is all there is
        out.add(new Candidate(RootCause.ACCESS_TOKEN_INVALID, 0.45,
            "the server does not accept this token, whose claims cannot be read here (not a JWT)"));
      }
      return sorted(out);
    }
    TokenClaims claims = read.get();
    Instant now = Instant.now();
    boolean unexpired = claims.expiresAt() != null && claims.expiresAt().isAfter(now.plusSeconds(SKEW_SECONDS));
    // the token's user may be the mailbox's or, for a shared mailbox, the login's (the authorizing user)
    boolean rightUser = claims.user() != null && (claims.user().equalsIgnoreCase(String.valueOf(user))
        || claims.user().equalsIgnoreCase(String.valueOf(login)));
    if (claims.user() != null && !rightUser) {
      out.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.85,
          "the server refused a token of " + claims.user() + " for the login " + (login == null ? user : login)));
    }
    if (unexpired) {
      out.removeIf(c -> c.rootCause().equals(RootCause.ACCESS_TOKEN_EXPIRED));
    }
    if (rightUser) {
      out.removeIf(c -> c.rootCause().equals(RootCause.WRONG_USER_AUTHORIZED));
    }
    if (unexpired && (rightUser || claims.user() == null)) {
      out.add(new Candidate(RootCause.ACCESS_TOKEN_INVALID, ownProvider ? 0.6 : 0.3,
          "the token is readable, unexpired and " + (rightUser ? "of " + user : "names no user")
              + ", yet refused: the server does not trust its signature, signing key, issuer or audience"));
    }
    return sorted(out);
  }

  private static List<Candidate> sorted(List<Candidate> candidates) {
    List<Candidate> merged = new ArrayList<>();
    for (Candidate c : candidates) {
      if (merged.stream().noneMatch(m -> m.rootCause().equals(c.rootCause()))) {
        merged.add(candidates.stream().filter(x -> x.rootCause().equals(c.rootCause()))
            .max(Comparator.comparingDouble(Candidate::confidence)).orElse(c));
      }
    }
    merged.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return merged;
  }
}
