package dev.maildiag.api.internal.explain;

import static dev.maildiag.api.RootCause.*;
import dev.maildiag.api.spi.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When no row recognises a text but it plainly comes from one step of a mail handler's work (connecting, TLS,
 * logging in, opening the folder, asking for a token), that step's usual causes, with low confidence and saying
 * that only the step was recognised. A text with no mail or OAuth word at all gets nothing.
 */
public final class StageFallback {
  /** One step: the words that place a text there, and its causes, most likely first. */
  private record StageCauses(String name, List<String> words, List<Candidate> causes) {}

  private static final List<String> MAIL_OR_OAUTH = List.of("imap", "pop3", "pop ", "smtp", "mail", "xoauth", "oauth", "token",
      "exchange", "outlook", "office365", "gmail", "starttls", "mailbox", "inbox", "aadsts", "msal", "adal", "entra",
      "azure", "google", "sasl", "login.microsoftonline", "mailkit", "imaplib", "smtplib", "nodemailer", "phpmailer",
      "fetchmail", "msmtp", "mpop", "thunderbird", "dovecot", "postfix");

  private static final List<StageCauses> STAGES = List.of(
      stage("asking for a token", List.of("token endpoint", "/token", "oauth2/v2.0", "acquiretoken", "access token", "refresh token",
              "refresh_token", "access_token", "tokenresponse", "token request", "get token", "gettoken", "grant", "authorization code",
              "client_id", "msal", "adal", "authorize"),
          c(REFRESH_TOKEN_INVALID, 0.3), c(CLIENT_SECRET_INVALID, 0.26), c(CLIENT_SECRET_EXPIRED, 0.24), c(SCOPES, 0.22),
          c(CONSENT_REQUIRED, 0.2), c(APP_NOT_FOUND, 0.18), c(PROXY_BLOCKING, 0.15)),
      stage("the TLS handshake", List.of("ssl", "tls", "handshake", "certificate", "x509", "x.509"),
          c(TLS_CERTIFICATE, 0.3), c(TLS_MODE_MISMATCH, 0.28), c(PROXY_BLOCKING, 0.18), c(NETWORK_BLOCKED, 0.15)),
      stage("opening the folder", List.of("folder", "select", "examine", "openfolder", "getfolder", "fetch"),
          c(INBOX_FOLDER_MISSING, 0.3), c(MAILBOX_PERMISSION, 0.24), c(INBOX_FLOODED, 0.2), c(THROTTLED, 0.15)),
      stage("logging in", List.of("auth", "login", "logon", "log in", "sign in", "sign-in", "credential", "password", "xoauth2"),
          c(SCOPES, 0.3), c(PROTOCOL_DISABLED, 0.28), c(MAILBOX_PERMISSION, 0.26), c(NO_LICENSE, 0.24), c(ACCESS_TOKEN_EXPIRED, 0.22),
          c(WRONG_USER_AUTHORIZED, 0.2), c(BASIC_AUTH_REJECTED, 0.18), c(SMTP_AUTH_DISABLED, 0.15)),
      stage("connecting", List.of("connect", "socket", "timeout", "timed out", "unreachable", "host", "network", "dns", "resolve",
              "proxy", "port"),
          c(NETWORK_BLOCKED, 0.3), c(PROXY_BLOCKING, 0.24), c(DNS_FAILURE, 0.2), c(TLS_MODE_MISMATCH, 0.18), c(NOT_A_MAIL_SERVER, 0.15)));

  private StageFallback() {}

  private static StageCauses stage(String name, List<String> words, Candidate... causes) {
    List<Candidate> withReason = new ArrayList<>();
    for (Candidate cause : causes) {
      withReason.add(new Candidate(cause.rootCause(), cause.confidence(),
          "Recognised only the stage (" + name + "), not the error itself: one of this step's usual causes"));
    }
    return new StageCauses(name, words, withReason);
  }

  private static Candidate c(String rootCause, double confidence) {
    return new Candidate(rootCause, confidence, "pending");
  }

  /** The differential of the step the text belongs to, or nothing when it names no mail or OAuth work. */
  public static List<Candidate> of(String text) {
    String t = text.length() > 1 << 20 ? text.substring(0, 1 << 20) : text;
    String lower = t.toLowerCase(Locale.ROOT);
    if (MAIL_OR_OAUTH.stream().noneMatch(lower::contains)) {
      return List.of();
    }
    for (StageCauses s : STAGES) {
      if (s.words().stream().anyMatch(lower::contains)) {
        return s.causes();
      }
    }
    return List.of();
  }
}
