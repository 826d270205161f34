package dev.maildiag.testkit.microsoft;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.maildiag.api.Protocol;
import dev.maildiag.microsoft.MicrosoftCloud;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What Exchange Online does with an XOAUTH2 login, in the order it decides: the token (signed by the
 * simulation, for this cloud's mail, not expired, with the protocol's permission), then the mailbox
 * (the token's user may open it, it exists because it is licensed, the protocol is enabled), then the
 * session (client access rules, throttling).
 */
final class ExchangeOnline {
  /** Exchange's outcome of a login. */
  public enum Outcome {
    /** Authenticated and serving the session. */
    ACCEPTED,
    /** {@code NO AUTHENTICATE failed.} / {@code -ERR Authentication failure} / {@code 535 5.7.3}. */
    AUTHENTICATION_FAILED,
    /** SMTP {@code 535 5.7.139 ... SmtpClientAuthentication is disabled for the Tenant}. */
    SMTP_AUTH_DISABLED,
    /** Authenticated, then {@code BAD User is authenticated but not connected.} to every command. */
    NOT_CONNECTED,
    /** Authenticated, then {@code BAD Request is throttled.} */
    THROTTLED,
    /** A password login: {@code NO AUTHENTICATE failed.} / {@code NO LOGIN failed.} / SMTP {@code 535 5.7.139 ... basic authentication is disabled}. */
    PASSWORD_REFUSED
  }

  private ExchangeOnline() {}

  /**
   * The outcome of the handler's login: with the setup's password, always refused (Exchange Online turned basic
   * authentication off for IMAP, POP and SMTP AUTH); otherwise as for the token.
   */
  public static Outcome handlerLogin(Microsoft365Setup s, String token) {
    return s.password != null ? Outcome.PASSWORD_REFUSED : login(s, token);
  }

  /** The outcome of logging in to the setup's mailbox over its configured protocol with this token. */
  public static Outcome login(Microsoft365Setup s, String token) {
    return login(s, s.protocol, token);
  }

  /** The outcome of logging in to the setup's mailbox over a protocol with this token. */
  public static Outcome login(Microsoft365Setup s, Protocol protocol, String token) {
    if (!tokenIsGood(s, protocol, token)) {
      return Outcome.AUTHENTICATION_FAILED;
    }
    String user = userOf(token);
    boolean own = user == null || user.equalsIgnoreCase(s.effectiveMailbox());
    if (!own && !s.fullAccess) {
      return Outcome.AUTHENTICATION_FAILED;
    }
    if (!s.licensed) {
      return Outcome.AUTHENTICATION_FAILED;
    }
    if (protocol == Protocol.SMTP && !s.smtpAuthEnabled) {
      return Outcome.SMTP_AUTH_DISABLED;
    }
    if (s.disabledProtocols.contains(protocol)) {
      return Outcome.AUTHENTICATION_FAILED;
    }
    if (s.clientAccessRuleBlocks) {
      return Outcome.NOT_CONNECTED;
    }
    return s.throttled ? Outcome.THROTTLED : Outcome.ACCEPTED;
  }

  static boolean tokenIsGood(Microsoft365Setup s, Protocol protocol, String token) {
    if (!SimulatedIdentityPlatform.signed(token)) {
      return false;
    }
    try {
      JWTClaimsSet c = SignedJWT.parse(token).getJWTClaimsSet();
      boolean audience = c.getAudience().stream().anyMatch(a -> s.cloud.audiences().contains(a));
      boolean fresh = c.getExpirationTime() != null && c.getExpirationTime().toInstant().isAfter(Instant.now());
      String permission = (s.appOnly ? MicrosoftCloud.APP_ONLY : MicrosoftCloud.DELEGATED).get(protocol);
      List<String> held = s.appOnly ? c.getStringListClaim("roles") : words(c.getStringClaim("scp"));
      return audience && fresh && held != null && held.contains(permission);
    } catch (ParseException e) {
      return false;
    }
  }

  private static String userOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("upn");
    } catch (ParseException e) {
      return null;
    }
  }

  private static List<String> words(String s) {
    return s == null ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }
}
