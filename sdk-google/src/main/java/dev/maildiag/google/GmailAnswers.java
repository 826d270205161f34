package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Gmail's IMAP, POP3 and SMTP answers: protocol disabled for the account or domain, passwords refused,
 * throttling, and the ambiguous "invalid credentials" answers, which it ranks with what the diagnosis knows
 * (was a token or a password sent; what the token-info endpoint said about the token).
 */
final class GmailAnswers implements Interpreter {
  private static final Pattern PROTOCOL_DISABLED = Pattern.compile(
      "(IMAP|POP) access is disabled|not enabled for (IMAP|POP)|enable your account for (IMAP|POP)", Pattern.CASE_INSENSITIVE);
  private static final Pattern APP_PASSWORD = Pattern.compile(
      "Application-specific password required|InvalidSecondFactor|\\b5\\.7\\.9\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern WEB_LOGIN = Pattern.compile(
      "log ?in via your web browser|WebLoginRequired|\\b5\\.7\\.14\\b|answer(/|\\.py\\?answer=)78754", Pattern.CASE_INSENSITIVE);
  private static final Pattern THROTTLED = Pattern.compile(
      "Too many simultaneous connections|\\[OVERQUOTA]|Too many login attempts|exceeded (the )?(command or )?bandwidth|Account exceeded",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STARTTLS_FIRST = Pattern.compile("Must issue a STARTTLS command first", Pattern.CASE_INSENSITIVE);
  private static final Pattern BAD_CREDENTIALS = Pattern.compile(
      "\\[AUTHENTICATIONFAILED]|Invalid credentials|Username and Password not accepted|BadCredentials|\\b5\\.7\\.8\\b",
      Pattern.CASE_INSENSITIVE);

  @Override
  public List<Candidate> interpret(Observation o) {
    if (!GoogleObservations.fromGoogle(o)) {
      return List.of();
    }
    String text = o.text();
    List<Candidate> out = new ArrayList<>();
    if (PROTOCOL_DISABLED.matcher(text).find()) {
      add(out, o, RootCause.PROTOCOL_DISABLED, 0.95, "Gmail says IMAP/POP is disabled: enable it in Gmail (Settings > See all settings > Forwarding and POP/IMAP) or, for Workspace,"
          + " in the Admin console (Apps > Google Workspace > Gmail > End User Access > POP and IMAP access)");
    } else if (APP_PASSWORD.matcher(text).find()) {
      add(out, o, RootCause.BASIC_AUTH_REJECTED, 0.95, "Gmail refuses the account password: use OAuth 2.0 with https://mail.google.com/ (or an app password with 2-Step Verification)");
    } else if (WEB_LOGIN.matcher(text).find()) {
      add(out, o, RootCause.BASIC_AUTH_REJECTED, 0.85,
          "Gmail refuses the password sign-in (\"log in via your web browser\", 5.7.14); use OAuth 2.0");
    } else if (THROTTLED.matcher(text).find()) {
      add(out, o, RootCause.THROTTLED, 0.9, "Gmail limits connections (15 IMAP per account), login attempts or bandwidth: poll less often and close idle connections");
    } else if (STARTTLS_FIRST.matcher(text).find()) {
      add(out, o, RootCause.TLS_MODE_MISMATCH, 0.9, "smtp.gmail.com wants STARTTLS on 587 (or SSL on 465) before AUTH");
    } else if (BAD_CREDENTIALS.matcher(text).find() && Xoauth2Challenge.decode(text).isEmpty()) {
      badCredentials(o, out);
    }
    return out;
  }

  /** Gmail gives the same "invalid credentials" for any refused login: what was sent, and the token's claims, tell them apart. */
  private static void badCredentials(Observation o, List<Candidate> out) {
    DiagnosticContext c = o.context();
    boolean passwordOnly = c != null && c.tokens().password() != null && c.tokens().accessToken() == null
        && c.tokens().refreshToken() == null && !o.facts().has(Facts.ACCESS_TOKEN);
    if (passwordOnly) {
      add(out, o, RootCause.BASIC_AUTH_REJECTED, 0.85, "Gmail refused the password: account passwords are no longer accepted from mail clients");
      return;
    }
    GoogleObservations.delegatedMailbox(o).ifPresent(out::add);
    Optional<TokenClaims> claims = o.facts().get(Facts.TOKEN_CLAIMS);
    String login = c == null ? null : c.server().login();
    if (claims.isPresent()) {
      TokenClaims t = claims.get();
      if (t.expiresAt() != null && !t.expiresAt().isAfter(Instant.now())) {
        add(out, o, RootCause.ACCESS_TOKEN_EXPIRED, 0.9, "Gmail refused the token, which expired at " + t.expiresAt());
      }
      if (!t.scopes().isEmpty() && !t.scopes().contains(GoogleCatalog.MAIL_SCOPE) && !t.scopes().contains(GoogleCatalog.IMAP_ADMIN_SCOPE)) {
        add(out, o, RootCause.SCOPES, 0.9, "Gmail refused a token issued without " + GoogleCatalog.MAIL_SCOPE);
      }
      if (t.user() != null && login != null && !t.user().equalsIgnoreCase(login)) {
        add(out, o, RootCause.WRONG_USER_AUTHORIZED, 0.9, "Gmail refused a token of " + t.user() + " for the login " + login);
      }
      if (!out.isEmpty()) {
        return;
      }
    }
    add(out, o, RootCause.ACCESS_TOKEN_EXPIRED, 0.5, "Gmail's \"invalid credentials\": most often an expired or revoked access token");
    add(out, o, RootCause.SCOPES, 0.45, "Gmail's \"invalid credentials\": or a token without " + GoogleCatalog.MAIL_SCOPE);
    add(out, o, RootCause.WRONG_USER_AUTHORIZED, 0.35, "Gmail's \"invalid credentials\": or a token of another user than the login");
  }

  private static void add(List<Candidate> out, Observation o, String rootCause, double confidence, String reason) {
    out.add(new Candidate(rootCause, GoogleObservations.weigh(o, confidence), reason));
  }
}
