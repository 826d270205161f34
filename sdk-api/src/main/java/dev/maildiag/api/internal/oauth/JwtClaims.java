package dev.maildiag.api.internal.oauth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.maildiag.api.Secret;
import dev.maildiag.api.spi.TokenClaims;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what an access token says about itself. The signature is NOT verified: maildiag only wants to
 * know what the token claims (audience, scopes, user, tenant, expiry) to explain a refusal, and the mail
 * server verifies it anyway.
 */
public final class JwtClaims {
  /** How {@link TokenClaims#source()} reads for claims from this class. */
  public static final String SOURCE = "jwt (signature not verified)";

  private static final String[] USER_CLAIMS = {"upn", "unique_name", "preferred_username", "email"};
  private static final String[] OTHER_CLAIMS = {"oid", "appidacr", "idtyp", "ver", "name", "sub", "hd", "xms_tcdt"};

  private JwtClaims() {}

  /** The claims of a JWT access token, or empty for an opaque (non-JWT) token such as Google's. */
  public static Optional<TokenClaims> read(Secret accessToken) {
    if (accessToken == null) {
      return Optional.empty();
    }
    try {
      JWT jwt = JWTParser.parse(accessToken.reveal());
      return Optional.of(of(jwt.getJWTClaimsSet()));
    } catch (ParseException notAJwt) {
      return Optional.empty();
    }
  }

  static TokenClaims of(JWTClaimsSet c) throws ParseException {
    String user = null;
    for (String name : USER_CLAIMS) {
      if (user == null && c.getStringClaim(name) != null) {
        user = c.getStringClaim(name);
      }
    }
    Map<String, String> other = new LinkedHashMap<>();
    for (String name : OTHER_CLAIMS) {
      Object v = c.getClaim(name);
      if (v != null) {
        other.put(name, String.valueOf(v));
      }
    }
    if (c.getNotBeforeTime() != null) {
      other.put("nbf", c.getNotBeforeTime().toInstant().toString());
    }
    String clientId = c.getStringClaim("appid") != null ? c.getStringClaim("appid") : c.getStringClaim("azp");
    return new TokenClaims(
        c.getAudience().isEmpty() ? null : String.join(" ", c.getAudience()),
        words(c.getClaim("scp")),
        words(c.getClaim("roles")),
        user,
        c.getStringClaim("tid"),
        clientId,
        c.getIssuer(),
        c.getExpirationTime() == null ? null : c.getExpirationTime().toInstant(),
        SOURCE,
        other);
  }

  /** {@code scp} is one space-separated string, {@code roles} a JSON array. */
  private static List<String> words(Object claim) {
    if (claim == null) {
      return List.of();
    }
    if (claim instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return Arrays.stream(String.valueOf(claim).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
