package dev.maildiag.api.probe;

import dev.maildiag.api.CheckContext;
import dev.maildiag.api.Facts;
import dev.maildiag.api.MailServer;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.net.MailSessions;
import dev.maildiag.api.net.ProtocolTrace;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import jakarta.mail.Session;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One XOAUTH2 login through Angus Mail with the context's token, its protocol trace kept (without SASL
 * payloads), and the server's exact answer pulled out of the trace.
 */
final class MailLogin implements AutoCloseable {
  private static final Pattern IMAP_FAILURE = Pattern.compile("^([A-Za-z]+[0-9]+ (NO|BAD)\\b.*|\\* BYE\\b.*)$");
  private static final Pattern POP3_FAILURE = Pattern.compile("^-ERR\\b.*$");
  private static final Pattern SMTP_FAILURE = Pattern.compile("^[45][0-9][0-9]([ -].*)?$");
  private static final int TRACE_LINES = 30;
  /** Angus Mail turns a broken connection into a made-up {@code * BYE} answer carrying this text. */
  static final String ANGUS_SYNTHETIC = "Jakarta Mail Exception:";

  final Service service;
  final ProtocolTrace trace;
  private final MailServer server;
  private final Secret token;
  private final String login;

  private MailLogin(Service service, ProtocolTrace trace, MailServer server, Secret token) {
    this.service = service;
    this.trace = trace;
    this.server = server;
    this.token = token;
    this.login = user(server);
  }

  /** The token to use: one obtained during this diagnosis (e.g. refreshed), else the configured one; null if neither. */
  static Secret token(CheckContext ctx) {
    return ctx.facts().get(Facts.ACCESS_TOKEN).orElse(ctx.context().tokens().accessToken());
  }

  /** The XOAUTH2 {@code user=}: the login, else the mailbox. */
  static String user(MailServer s) {
    return s.login() != null ? s.login() : s.effectiveMailbox();
  }

  /** Prepares a store (IMAP, POP3) or transport (SMTP) for this context; {@link #connect()} logs in. */
  static MailLogin prepare(CheckContext ctx, Secret token, boolean pop3TwoLine) throws MessagingException {
    MailServer s = ctx.context().server();
    ProtocolTrace trace = new ProtocolTrace();
    Session session = MailSessions.session(ctx.context(), pop3TwoLine, trace);
    Service service = s.protocol() == Protocol.SMTP ? MailSessions.transport(session, s) : MailSessions.store(session, s);
    ctx.closeOnTimeout(service::close);
    return new MailLogin(service, trace, s, token);
  }

  /** The POP3 format to use after authentication: what the authentication check found to work. */
  static boolean pop3TwoLine(CheckContext ctx) {
    return ctx.facts().get(ProbeFacts.POP3_TWO_LINE).orElse(false);
  }

  void connect() throws MessagingException {
    service.connect(server.host(), server.effectivePort(), login, token.reveal());
  }

  /** The last failure answer of the server in the trace (e.g. {@code A1 NO AUTHENTICATE failed.}), or null. */
  String lastFailureAnswer(Protocol protocol) {
    Pattern p = switch (protocol) {
      case IMAP -> IMAP_FAILURE;
      case POP3 -> POP3_FAILURE;
      case SMTP -> SMTP_FAILURE;
    };
    String found = null;
    for (String line : safeLines()) {
      if (p.matcher(line).matches() && !line.contains(ANGUS_SYNTHETIC)) {
        found = line;
      }
    }
    return found == null ? null : Printable.of(found);
  }

  /** The end of the protocol trace, for evidence; lines that could carry a secret are left out. */
  String traceTail() {
    List<String> lines = safeLines();
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
    String raw = token.reveal();
    String payload = "user=" + login + "\u0001auth=Bearer " + raw + "\u0001\u0001";
    String b64 = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    // Angus suppresses SASL payloads in its trace; this filter is a second guard, not the redaction itself
    return trace.protocolLines().stream()
        .filter(l -> !l.contains(raw) && !l.contains(b64) && !l.contains(b64.substring(0, Math.min(24, b64.length()))))
        .toList();
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (MessagingException ignored) {
      // leaving anyway
    }
  }
}
