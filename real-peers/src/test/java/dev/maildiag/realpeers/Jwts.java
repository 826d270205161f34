package dev.maildiag.realpeers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Access tokens as Dovecot's oauth2 passdb validates them locally: HS256 JWTs whose {@code email} claim is
 * the user. {@link #KEY} is the key Dovecot is given; every other token is broken in exactly one way.
 */
public final class Jwts {
  /** The HMAC key Dovecot trusts (written base64-encoded to its key dictionary). */
  static final byte[] KEY = "maildiag-real-peers-hs256-key-0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "someone-else-s-hs256-key-not-dovecot-s!!".getBytes(StandardCharsets.US_ASCII);
  static final String ISSUER = "https://idp.real-peers.test";

  private Jwts() {}

  /** The key as Dovecot's {@code local_validation_key_dict} holds it. */
  static String dovecotKey() {
    return Base64.getEncoder().encodeToString(KEY);
  }

  /** A token Dovecot accepts for {@code email}, valid for an hour. */
  public static String valid(String email) {
    Instant now = Instant.now();
    return sign(KEY, null, email, now.minusSeconds(60), now.plus(Duration.ofHours(1)));
  }

  static String expired(String email) {
    Instant now = Instant.now();
    return sign(KEY, null, email, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
  }

  static String notYetValid(String email) {
    Instant now = Instant.now();
    return sign(KEY, null, email, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
  }

  /** Readable, unexpired and for the right user, but signed with a key Dovecot does not have. */
  static String badlySigned(String email) {
    Instant now = Instant.now();
    return sign(OTHER_KEY, null, email, now.minusSeconds(60), now.plus(Duration.ofHours(1)));
  }

  /** Names a signing key ({@code kid}) Dovecot does not know, e.g. after a key rotation. */
  static String unknownKey(String email) {
    Instant now = Instant.now();
    return sign(KEY, "rotated-2026-11", email, now.minusSeconds(60), now.plus(Duration.ofHours(1)));
  }

  static String garbage() {
    return "this-is-not-a-token-" + Long.toHexString(System.nanoTime());
  }

  private static String sign(byte[] key, String kid, String email, Instant notBefore, Instant expiry) {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience("mail")
        .subject(email.substring(0, email.indexOf('@')))
        .claim("email", email)
        .issueTime(Date.from(notBefore))
        .notBeforeTime(Date.from(notBefore))
        .expirationTime(Date.from(expiry))
        .build();
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT); // Dovecot requires typ
    if (kid != null) {
      header.keyID(kid);
    }
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
