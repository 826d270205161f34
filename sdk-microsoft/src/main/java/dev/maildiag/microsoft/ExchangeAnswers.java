package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.TokenClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Exchange Online's answers in the context of the diagnosis. Exchange gives one answer for many
 * causes ({@code AUTHENTICATE failed}, {@code User is authenticated but not connected}), so the candidates
 * are ranked by the other evidence: the token's claims, login versus mailbox, app-only or delegated, the
 * protocol, and what the other protocols answered. Plain text tables without context live in the
 * signature interpreters; this one only speaks when it has a diagnosis to draw on.
 */
public final class ExchangeAnswers implements Interpreter {
  private static final Pattern AUTH_FAILED = Pattern.compile(
      "authenticate failed|authentication failure|5\\.7\\.3 authentication unsuccessful|535 5\\.7\\.3|logon failure");
  private static final Pattern NOT_CONNECTED = Pattern.compile("authenticated but not connected");
  private static final Pattern LOGIN_FAILED = Pattern.compile("\\blogin failed|basic authentication is disabled|auth(entication)? (plain|login) ");
  private static final Pattern POP_FORMAT = Pattern.compile("connection is closed\\. 10|two[- ]line");

  @Override
  public List<Candidate> interpret(Observation o) {
    DiagnosticContext c = o.context();
    if (c == null || !MicrosoftCatalog.isMicrosoft(c)) {
      return List.of();
    }
    String t = o.text().toLowerCase(Locale.ROOT);
    Protocol protocol = o.protocol() != null ? o.protocol() : c.server().protocol();
    if (t.contains("5.7.139")) {
      return smtp139(t);
    }
    if (protocol == Protocol.POP3 && POP_FORMAT.matcher(t).find()) {
      return List.of(new Candidate(RootCause.POP_OAUTH_FORMAT, 0.9,
          "Exchange Online takes POP3 XOAUTH2 only in the two-line form (AUTH XOAUTH2, then the token on its own line)"));
    }
    if (LOGIN_FAILED.matcher(t).find() || passwordOnly(c, o) && AUTH_FAILED.matcher(t).find()) {
      return List.of(new Candidate(RootCause.BASIC_AUTH_REJECTED, 0.9,
          "A password login was refused; Exchange Online accepts only OAuth 2.0 (XOAUTH2) for IMAP, POP and SMTP AUTH"));
    }
    if (t.contains("request is throttled")) {
      return List.of(
          new Candidate(RootCause.INBOX_FLOODED, 0.65, "Exchange throttles the session; a flooded folder (bounce storm) is the usual reason for a mail handler"),
          new Candidate(RootCause.THROTTLED, 0.55, "Exchange throttles this account's connections or requests"));
    }
    if (NOT_CONNECTED.matcher(t).find()) {
      return notConnected(c, claims(o));
    }
    if (AUTH_FAILED.matcher(t).find()) {
      return authFailed(c, protocol, o);
    }
    return List.of();
  }

  private static List<Candidate> smtp139(String t) {
    if (t.contains("smtpclientauthentication is disabled")) {
      return List.of(new Candidate(RootCause.SMTP_AUTH_DISABLED, 0.97, "5.7.139: SMTP AUTH is disabled for the mailbox or tenant"));
    }
    if (t.contains("basic authentication is disabled")) {
      return List.of(new Candidate(RootCause.BASIC_AUTH_REJECTED, 0.95, "5.7.139: basic authentication is disabled"));
    }
    return List.of(
        new Candidate(RootCause.CONDITIONAL_ACCESS, 0.6, "5.7.139: the sign-in did not meet the tenant's criteria (security defaults or conditional access)"),
        new Candidate(RootCause.SMTP_AUTH_DISABLED, 0.45, "5.7.139: SMTP AUTH may be disabled"),
        new Candidate(RootCause.BASIC_AUTH_REJECTED, 0.4, "5.7.139: a password may have been sent"));
  }

  private static List<Candidate> notConnected(DiagnosticContext c, Optional<TokenClaims> claims) {
    String login = c.server().login();
    String mailbox = c.server().effectiveMailbox();
    if (claims.isPresent() && !claims.get().isAppOnly() && claims.get().user() != null && login != null && !same(claims.get().user(), login)) {
      return List.of(
          new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.85, "Signed in as " + claims.get().user() + " but the login is " + login
              + ": Exchange accepted the token and refuses to open the other account's mailbox"),
          new Candidate(RootCause.MAILBOX_PERMISSION, 0.35, claims.get().user() + " has no Full Access to " + mailbox),
          new Candidate(RootCause.CLIENT_ACCESS_RULE, 0.2, "A client access rule may block the protocol"));
    }
    if (claims.isPresent() && claims.get().isAppOnly()) {
      return List.of(
          new Candidate(RootCause.MAILBOX_PERMISSION, 0.8, "App-only token: the app's service principal is not registered in Exchange "
              + "(New-ServicePrincipal) or has no Full Access to " + mailbox),
          new Candidate(RootCause.PROTOCOL_DISABLED, 0.45, "The protocol may be disabled for " + mailbox),
          new Candidate(RootCause.CLIENT_ACCESS_RULE, 0.3, "A client access rule may block the protocol"));
    }
    if (mailbox != null && login != null && !same(mailbox, login)) {
      return List.of(
          new Candidate(RootCause.MAILBOX_PERMISSION, 0.8, login + " signed in but has no Full Access to " + mailbox),
          new Candidate(RootCause.CLIENT_ACCESS_RULE, 0.35, "A client access rule may block the protocol"));
    }
    return List.of(
        new Candidate(RootCause.CLIENT_ACCESS_RULE, 0.8, "The token is right and the user is the mailbox's own, so a client access rule "
            + "(or conditional access) refuses the session: check Get-ClientAccessRule"),
        new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.25, "Another account may have authorized"),
        new Candidate(RootCause.MAILBOX_PERMISSION, 0.2, "The user may lack access to the mailbox"));
  }

  private static List<Candidate> authFailed(DiagnosticContext c, Protocol protocol, Observation o) {
    String disabled = protocol == Protocol.SMTP ? RootCause.SMTP_AUTH_DISABLED : RootCause.PROTOCOL_DISABLED;
    String mailbox = c.server().effectiveMailbox();
    String login = c.server().login();
    Optional<TokenClaims> claims = claims(o);
    List<Candidate> out = new ArrayList<>();
    if (claims.isEmpty()) {
      out.add(new Candidate(disabled, 0.5, "Exchange refused the token; without its claims the usual cause is the protocol being disabled"));
      out.add(new Candidate(RootCause.NO_LICENSE, 0.4, "The account may have no Exchange Online licence"));
      out.add(new Candidate(RootCause.SCOPES, 0.35, "The token may lack the protocol's permission"));
      out.add(new Candidate(RootCause.MAILBOX_PERMISSION, 0.35, "The user may lack Full Access to the mailbox"));
      out.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.3, "Another account may have authorized"));
      return out;
    }
    TokenClaims t = claims.get();
    MicrosoftCloud cloud = MicrosoftCatalog.cloudOf(c).orElse(MicrosoftClouds.WORLDWIDE);
    String needed = (t.isAppOnly() ? MicrosoftCloud.APP_ONLY : MicrosoftCloud.DELEGATED).get(protocol);
    if (t.expiresAt() != null && t.expiresAt().isBefore(java.time.Instant.now())) {
      out.add(new Candidate(RootCause.ACCESS_TOKEN_EXPIRED, 0.9, "The token expired at " + t.expiresAt()));
    } else if ((t.isAppOnly() ? t.roles() : t.scopes()).stream().noneMatch(s -> s.equalsIgnoreCase(needed))) {
      out.add(new Candidate(RootCause.SCOPES, 0.9, "The token lacks " + needed));
    } else if (t.audience() != null && !cloud.isResourceOf(t.audience())) {
      out.add(new Candidate(MicrosoftClouds.byResource(t.audience()).isPresent() ? RootCause.CLOUD_MISMATCH : RootCause.SCOPES, 0.85,
          "The token's audience " + t.audience() + " is not " + cloud.name() + " mail"));
    } else if (!t.isAppOnly() && t.user() != null && login != null && !same(t.user(), login)) {
      out.add(new Candidate(RootCause.WRONG_USER_AUTHORIZED, 0.85, "The token belongs to " + t.user() + ", not " + login));
      out.add(new Candidate(RootCause.MAILBOX_PERMISSION, 0.35, t.user() + " may be meant as a delegate without Full Access"));
    } else if (t.isAppOnly()) {
      out.add(new Candidate(RootCause.MAILBOX_PERMISSION, 0.75, "App-only token: register the service principal (New-ServicePrincipal) and give it Full Access to " + mailbox));
      out.add(new Candidate(disabled, 0.4, "The protocol may be disabled for " + mailbox));
    } else if (mailbox != null && login != null && !same(mailbox, login)) {
      out.add(new Candidate(RootCause.MAILBOX_PERMISSION, 0.8, login + "'s token is right, so the missing piece is Full Access to " + mailbox));
      out.add(new Candidate(disabled, 0.3, "The protocol may be disabled for " + mailbox));
    } else {
      out.addAll(mailboxItself(c, protocol, disabled, o));
    }
    return out;
  }

  /** Token, user and mailbox are right: Exchange refuses the mailbox itself. */
  private static List<Candidate> mailboxItself(DiagnosticContext c, Protocol protocol, String disabled, Observation o) {
    String mailbox = c.server().effectiveMailbox();
    String name = protocol == Protocol.POP3 ? "PopEnabled" : protocol == Protocol.SMTP ? "SmtpClientAuthenticationDisabled" : "ImapEnabled";
    String nextStep = "Get-CASMailbox -Identity " + mailbox + " | Format-List " + name
        + " tells them apart: a disabled protocol shows there; if it is enabled, Get-Mailbox " + mailbox + " finds no mailbox when there is no licence";
    Optional<OtherProtocols> others = o.facts().get(OtherProtocols.FACT);
    if (others.isPresent() && !others.get().accepted().isEmpty()) {
      if (others.get().anyAccepted()) {
        return List.of(new Candidate(disabled, 0.9, "The same token works on " + others.get().accepted() + ", so only " + protocol.label() + " is disabled"),
            new Candidate(RootCause.NO_LICENSE, 0.1, "A mailbox without licence would refuse every protocol"));
      }
      return List.of(new Candidate(RootCause.NO_LICENSE, 0.8, "Every protocol refuses the same correct token " + others.get().accepted()
              + ": the account has no mailbox (no Exchange Online licence). " + nextStep),
          new Candidate(disabled, 0.45, "All protocols may be disabled for " + mailbox));
    }
    return List.of(
        new Candidate(disabled, 0.6, "The token's audience, permission and user are right, so Exchange refuses the mailbox itself. " + nextStep),
        new Candidate(RootCause.NO_LICENSE, 0.45, "The account may have no Exchange Online licence. " + nextStep),
        new Candidate(RootCause.MAILBOX_PERMISSION, 0.15, "Rarely, mailbox permissions"));
  }

  private static boolean passwordOnly(DiagnosticContext c, Observation o) {
    return c.tokens().password() != null && c.tokens().accessToken() == null && c.tokens().refreshToken() == null
        && !o.facts().has(Facts.ACCESS_TOKEN);
  }

  private static Optional<TokenClaims> claims(Observation o) {
    return o.facts().get(Facts.TOKEN_CLAIMS);
  }

  private static boolean same(String a, String b) {
    return a.trim().equalsIgnoreCase(b.trim());
  }
}
