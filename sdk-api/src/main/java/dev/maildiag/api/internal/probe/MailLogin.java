package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.internal.net.ProtocolTrace;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Key;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import dev.maildiag.api.internal.net.WireText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * One XOAUTH2 login through Angus Mail with the context's token (or, for the basic-auth check only, one
 * password login), its protocol trace kept (without SASL
 * payloads), and the server's exact answer pulled out of the trace.
 */
final class MailLogin implements AutoCloseable {
  private static final Pattern IMAP_FAILURE = Pattern.compile("^([A-Za-z]+[0-9]+ (NO|BAD)\\b.*|\\* BYE\\b.*)$");
  private static final Pattern POP3_FAILURE = Pattern.compile("^-ERR\\b.*$");
  private static final Pattern SMTP_FAILURE = Pattern.compile("^[45][0-9][0-9]([ -].*)?$");
  private static final int TRACE_LINES = 30;
  /** Angus Mail turns a broken connection into a made-up {@code * BYE} answer carrying this text. */
  static final String ANGUS_SYNTHETIC = "Jakarta Mail Exception:";
  private static final String COMMAND_RESULT = "command result: ";
  /**
   * Angus Mail's POP3 client takes a server's SASL error challenge ({@code + <base64 JSON>}) for success: it
   * logs this with the decoded JSON, swallows it and reports the login as done.
   */
  private static final String POP3_SWALLOWED_REFUSAL = "OAUTH2 authentication failed:";
  private static final String ERROR_CHALLENGE = POP3_SWALLOWED_REFUSAL + " ";
  /** Trace lines that are Angus' own chatter or a Java stack trace, not protocol. */
  private static final Pattern NOT_PROTOCOL = Pattern.compile("^(DEBUG|\\s|Caused by|\\.\\.\\.|[\\w$]+(\\.[\\w$]+)+(Exception|Error)\\b).*");

  /** The authenticated login between the authentication, session and mailbox checks. */
  static final Key<MailLogin> HANDED_ON = Key.of("mailLogin", MailLogin.class);

  final Service service;
  final ProtocolTrace trace;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** For POP3: the inbox the session check opened (STAT), left open for the mailbox check; else null. */
  Folder openInbox;
  private final MailServer server;
  private final dev.maildiag.api.DiagnosticContext contextOf;
  private final Secret secret;
  private final String login;
  /** How the secret could look on the wire; lines holding any of these never leave the trace. */
  private final List<String> wireForms;

  private MailLogin(Service service, ProtocolTrace trace, dev.maildiag.api.DiagnosticContext context, MailServer server, Secret secret,
      String login, List<String> wireForms) {
    this.contextOf = context;
    this.server = server;
    this.service = service;
    this.trace = trace;
    this.secret = secret;
    this.login = login;
    this.wireForms = wireForms;
  }

  /** The token to use: one obtained during this diagnosis (e.g. refreshed), else the configured one; null if neither. */
  static Secret token(CheckContext ctx) {
    return ctx.facts().get(Facts.ACCESS_TOKEN).orElse(ctx.context().tokens().accessToken());
  }

  /**
   * The XOAUTH2 {@code user=}: the mailbox read. For a shared or delegated mailbox Microsoft expects the
   * mailbox's address there with the authorizing user's token; otherwise it is the login.
   */
  static String user(MailServer s) {
    return s.effectiveMailbox();
  }

  /**
   * Prepares a store (IMAP, POP3) or transport (SMTP) for this context on a new connection of its own;
   * {@link #connect()} logs in.
   */
  static MailLogin prepare(CheckContext ctx, Secret token, boolean pop3TwoLine) throws MessagingException {
    return prepare(ctx, ctx.context(), token, pop3TwoLine);
  }

  /**
   * Prepares a login to {@code target}'s server (another protocol or endpoint than the diagnosed one, for the
   * {@link dev.maildiag.api.spi.MailLogins} facade) with the diagnosed context's {@code user=}.
   */
  static MailLogin prepare(CheckContext ctx, DiagnosticContext target, Secret token, boolean pop3TwoLine) throws MessagingException {
    MailServer s = target.server();
    ProtocolTrace trace = new ProtocolTrace();
    Session session = MailSessions.session(target, pop3TwoLine, trace);
    Service service = s.protocol() == Protocol.SMTP ? MailSessions.transport(session, s) : MailSessions.store(session, s);
    return xoauth2(ctx, service, trace, s, token);
  }

  /**
   * Prepares the login over the connection the earlier probes opened, secured and greeted on (see
   * {@link MailWire#handOver()}): no second connection, and {@link #connect()} logs in on it.
   */
  static MailLogin over(CheckContext ctx, MailWire wire, Secret token, boolean pop3TwoLine) throws MessagingException {
    ProtocolTrace trace = new ProtocolTrace();
    Service service = MailSessions.overConnection(ctx.context(), wire.handOver(), pop3TwoLine, trace);
    return xoauth2(ctx, service, trace, ctx.context().server(), token);
  }

  private static MailLogin xoauth2(CheckContext ctx, Service service, ProtocolTrace trace, MailServer s, Secret token) {
    String user = user(ctx.context().server());
    String b64 = base64("user=" + user + "\u0001auth=Bearer " + token.reveal() + "\u0001\u0001");
    return new MailLogin(service, trace, ctx.context(), s, token, user, List.of(token.reveal(), b64, b64.substring(0, Math.min(24, b64.length()))))
        .guardedBy(ctx);
  }

  /** The login an earlier check of this diagnosis handed on, now the caller's (and guarded by its time limit); or null. */
  static MailLogin take(CheckContext ctx) {
    return ctx.take(HANDED_ON).map(l -> l.guardedBy(ctx)).orElse(null);
  }

  /** Leaves this (authenticated) login for the next check; the diagnosis closes it if no check takes it. */
  void handOn(CheckContext ctx) {
    ctx.handOn(HANDED_ON, this);
  }

  /**
   * Prepares one password login as of {@code s.login()}, the way a handler on basic authentication logs in
   * (see {@link MailSessions#passwordSession}); only for the check that proves whether passwords are refused.
   */
  static MailLogin preparePassword(CheckContext ctx, Secret password) throws MessagingException {
    MailServer s = ctx.context().server();
    ProtocolTrace trace = new ProtocolTrace();
    Session session = MailSessions.passwordSession(ctx.context(), trace);
    Service service = s.protocol() == Protocol.SMTP ? MailSessions.transport(session, s) : MailSessions.passwordStore(session, s);
    String raw = password.reveal();
    return new MailLogin(service, trace, ctx.context(), s, password, s.login(),
        List.of(raw, base64(raw), base64("\u0000" + s.login() + "\u0000" + raw))).guardedBy(ctx);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Registers this login with a check, to be closed if that check runs out of time. */
  MailLogin guardedBy(CheckContext ctx) {
    ctx.closeOnTimeout(this::closeInBackground);
    return this;
  }

  /**
   * Closes on a thread of its own: closing a store can block on the thread that reads from it, and the
   * runner's timer must never be held up by a stuck server.
   */
  void closeInBackground() {
    if (closed.get()) {
      return;
    }
    Thread closer = new Thread(this::close, "maildiag-close-" + server.protocol().label());
    closer.setDaemon(true);
    closer.start();
  }

  /** The credential this login sends. */
  Secret secret() {
    return secret;
  }

  /** The POP3 format to use after authentication: what the authentication check found to work. */
  static boolean pop3TwoLine(CheckContext ctx) {
    return ctx.facts().get(ProbeFacts.POP3_TWO_LINE).orElse(false);
  }

  void connect() throws MessagingException {
    // the config check keeps such values from every live check; this guard holds for a caller that left it out
    Map<String, String> unsafe = new java.util.LinkedHashMap<>(WireText.controlCharacters(contextOf));
    if (WireText.controlCharacter(login) != null) {
      unsafe.put("user", "");
    }
    if (WireText.controlCharacter(secret.reveal()) != null) {
      unsafe.put("token", "");
    }
    if (!unsafe.isEmpty()) {
      throw new MessagingException("not sent: the " + String.join(", ", unsafe.keySet()) + " holds a control character");
    }
    service.connect(server.host(), server.effectivePort(), login, secret.reveal());
    String challenge = server.protocol() == Protocol.POP3 ? swallowedPop3Refusal() : null;
    if (challenge != null) {
      // closing sends QUIT, which the server takes as the reply to its error challenge: it answers with its final
      // refusal (-ERR [AUTH] ...), which the trace keeps
      close();
      throw new AuthenticationFailedException(ERROR_CHALLENGE + challenge);
    }
  }

  /** Whether a refusal came as a SASL error challenge: the server read the XOAUTH2 response and judged the token. */
  static boolean isErrorChallenge(MessagingException e) {
    return e instanceof AuthenticationFailedException && e.getMessage() != null && e.getMessage().startsWith(ERROR_CHALLENGE);
  }

  /**
   * The server's failure answer as it was sent (e.g. {@code A1 NO AUTHENTICATE failed.}, {@code -ERR Logon failure},
   * {@code 535 5.7.8 ...}), from the trace or, where Angus suppressed it during SASL, from the exception; or null.
   */
  String lastFailureAnswer(Protocol protocol, MessagingException error) {
    Pattern p = switch (protocol) {
      case IMAP -> IMAP_FAILURE;
      case POP3 -> POP3_FAILURE;
      case SMTP -> SMTP_FAILURE;
    };
    String found = null;
    for (String line : safeLines()) {
      // Angus logs the result of a suppressed SASL exchange as "... command result: A1 NO ..."
      int result = line.indexOf(COMMAND_RESULT);
      String candidate = result >= 0 ? line.substring(result + COMMAND_RESULT.length()).trim()
          : line.startsWith("DEBUG") ? null : line;
      if (candidate != null && p.matcher(candidate).matches() && !candidate.contains(ANGUS_SYNTHETIC)) {
        found = candidate;
      }
    }
    if (found == null && error instanceof AuthenticationFailedException && error.getMessage() != null) {
      String m = error.getMessage().strip();
      if (protocol == Protocol.POP3 && !m.startsWith("-ERR") && !m.startsWith("OAUTH2 ")) {
        found = "-ERR " + m; // Angus keeps the text after "-ERR"
      } else if (p.matcher(m).matches() || protocol == Protocol.POP3) {
        found = m;
      }
    }
    return found == null ? null : Printable.of(found);
  }

  /**
   * The POP3 server's error challenge (decoded JSON) when Angus reported a refused XOAUTH2 login as done, or null.
   * The server then still waits for the client's reply to its challenge.
   */
  private String swallowedPop3Refusal() {
    for (String line : safeLines()) {
      int at = line.indexOf(POP3_SWALLOWED_REFUSAL);
      if (at >= 0) {
        return Printable.of(line.substring(at + POP3_SWALLOWED_REFUSAL.length()).trim());
      }
    }
    return null;
  }

  /** The end of the protocol trace, for evidence; lines that could carry a secret are left out. */
  String traceTail() {
    List<String> lines = safeLines().stream().filter(l -> !NOT_PROTOCOL.matcher(l).matches()).toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - TRACE_LINES), lines.size());
    return String.join("\n", tail.stream().map(l -> Printable.of(withoutSyntheticPrefix(l))).toList());
  }

  /** "* BYE Jakarta Mail Exception: java.io.IOException: Connection dropped by server?" becomes "Connection dropped by server?". */
  static String withoutSyntheticPrefix(String text) {
    int at = text.indexOf(ANGUS_SYNTHETIC);
    if (at < 0) {
      return text;
    }
    String rest = text.substring(at + ANGUS_SYNTHETIC.length()).trim();
    return rest.replaceFirst("^[a-zA-Z0-9_.$]+(Exception|Error):\\s*", "");
  }

  private List<String> safeLines() {
    // Angus suppresses SASL payloads in its trace; this filter is a second guard, not the redaction itself
    return trace.text().lines().filter(l -> wireForms.stream().noneMatch(l::contains)).toList();
  }

  /**
   * Logs out and closes, once: a second call (the diagnosis ending after a check closed it, or while a closer
   * thread waits for a stuck server) returns at once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (openInbox != null && openInbox.isOpen()) {
        openInbox.close(false); // POP3: QUIT without DELE, nothing was marked
      }
    } catch (MessagingException | IllegalStateException ignored) {
      // the store's close below ends the connection anyway
    }
    try {
      service.close();
    } catch (MessagingException ignored) {
      // leaving anyway
    }
  }
}
