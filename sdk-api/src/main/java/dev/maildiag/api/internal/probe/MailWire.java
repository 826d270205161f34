package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.ConnectedSocket;
import dev.maildiag.api.internal.net.MailSessions;
import dev.maildiag.api.internal.net.ProxyDecision;
import dev.maildiag.api.internal.net.Route;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Key;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A bounded, line-oriented connection to the mail server for the steps before authentication (TCP, TLS,
 * greeting, capabilities). Angus Mail cannot show a greeting without logging in and reads lines of any
 * length, so these steps speak the few pre-login commands themselves: every line is capped at
 * {@link #MAX_LINE} bytes and must arrive within the read timeout, however slowly its bytes trickle in.
 *
 * <p>One connection serves the whole diagnosis: each step hands it on ({@link #handOn}) to the next, which
 * takes it ({@link #takeOrConnect}) and goes on where the last one stopped (a greeting already read is not
 * read again, TLS already done is not done again), and the login finally gets it through
 * {@link #handOver()}. The diagnosis owns it from the start, so it is closed when the diagnosis ends at the latest.
 */
final class MailWire implements Closeable {
  static final int MAX_LINE = 8 * 1024;
  static final int MAX_LINES = 200;
  /** The open connection between one probe and the next. */
  static final Key<MailWire> HANDED_ON = Key.of("mailConnection", MailWire.class);
  /** An IMAP greeting's capability list, e.g. {@code * OK [CAPABILITY IMAP4rev1 STARTTLS] ready}. */
  private static final Pattern IMAP_GREETING_CAPABILITIES = Pattern.compile("^(\\* (?:OK|PREAUTH) )\\[CAPABILITY [^\\]]*\\]\\s*",
      Pattern.CASE_INSENSITIVE);

  /** The status part of an IMAP greeting, before its text. */
  private static final Pattern IMAP_GREETING_STATUS = Pattern.compile("^(\\* (?:OK|PREAUTH) )", Pattern.CASE_INSENSITIVE);

  private CheckContext ctx;
  private final MailServer server;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private RecordingTrustManager trust;
  /** The greeting as received, one entry per line; null until read. */
  private List<String> greeting;
  private boolean secured;
  private boolean upgraded;
  /** The server answered a command in good order, so a goodbye on close makes sense. */
  private boolean conversing;
  /** Angus Mail has the connection now and says goodbye itself. */
  private boolean handedOver;
  /** IMAP: the capabilities the server listed on this connection (after TLS), or null. */
  private List<String> imapCapabilities;

  private MailWire(CheckContext ctx, Socket socket) throws IOException {
    this.ctx = ctx;
    this.server = ctx.context().server();
    use(socket);
    ctx.own(this);
  }

  /** A connection to the mail server that the caller has just opened (a direct TCP connect). */
  static MailWire over(CheckContext ctx, Socket connected) throws IOException {
    return new MailWire(ctx, connected);
  }

  /** The connection an earlier step handed on, if it is still open; else a new one along the context's route. */
  static MailWire takeOrConnect(CheckContext ctx) throws IOException {
    MailWire handed = ctx.take(HANDED_ON).orElse(null);
    if (handed != null && !handed.socket.isClosed()) {
      handed.ctx = ctx;
      ctx.closeOnTimeout(handed);
      return handed;
    }
    return connect(ctx);
  }

  /** Leaves this connection for the next step of the diagnosis. */
  void handOn() {
    ctx.handOn(HANDED_ON, this);
  }

  /**
   * The connection as a socket for Angus Mail ({@link MailSessions#overConnection}): the greeting read so far
   * is replayed in front of what the server sends next, so Angus reads a greeting as it would on a new
   * connection. For IMAP the replayed greeting carries the capabilities the server listed on this connection
   * (after TLS) as its {@code [CAPABILITY ...]} code, so Angus does not ask a second time; a capability list
   * the greeting itself had before STARTTLS is never replayed, since it described the connection before TLS.
   */
  ConnectedSocket handOver() {
    handedOver = true;
    StringBuilder replay = new StringBuilder();
    if (greeting != null) {
      for (int i = 0; i < greeting.size(); i++) {
        String line = greeting.get(i);
        if (i == 0 && server.protocol() == Protocol.IMAP && (upgraded || imapCapabilities != null)) {
          line = IMAP_GREETING_CAPABILITIES.matcher(line).replaceFirst("$1");
          if (imapCapabilities != null && IMAP_GREETING_STATUS.matcher(line).find()) {
            line = IMAP_GREETING_STATUS.matcher(line)
                .replaceFirst("$1" + Matcher.quoteReplacement("[CAPABILITY " + String.join(" ", imapCapabilities) + "] "));
          }
        }
        replay.append(line).append("\r\n");
      }
    }
    InputStream replayed = new SequenceInputStream(new ByteArrayInputStream(replay.toString().getBytes(StandardCharsets.UTF_8)), in);
    return new ConnectedSocket(socket, replayed, out);
  }

  /** Whether the connection is open and secured as configured: what a login over it needs (Angus reads an unread greeting itself). */
  boolean readyForLogin() {
    return !socket.isClosed() && (security(server) == Security.NONE || secured);
  }

  /** Connects to the mail server along its proxy route (tunnel included), without TLS yet. */
  static MailWire connect(CheckContext ctx) throws IOException {
    MailServer s = ctx.context().server();
    Route route = route(ctx);
    Duration connect = ctx.timeouts().connect();
    if (route.kind() == Route.Kind.HTTP) {
      Socket tunnel = ctx.closeOnTimeout(ProxyTunnel.open(ctx, route.proxy(), s.host(), s.effectivePort()));
      tunnel.setTcpNoDelay(true);
      return new MailWire(ctx, tunnel);
    }
    Socket socket = ctx.closeOnTimeout(new Socket(route.kind() == Route.Kind.SOCKS ? route.toProxy() : Proxy.NO_PROXY));
    try {
      InetSocketAddress target = route.kind() == Route.Kind.SOCKS
          ? InetSocketAddress.createUnresolved(s.host(), s.effectivePort())
          : new InetSocketAddress(s.host(), s.effectivePort());
      socket.connect(target, millis(connect));
      socket.setTcpNoDelay(true);
      return new MailWire(ctx, socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  static Route route(CheckContext ctx) {
    MailServer s = ctx.context().server();
    return ProxyDecision.forMail(ctx.context().network(), s.protocol(), s.security(), s.host());
  }

  static Security security(MailServer s) {
    return s.security() == null ? Security.SSL : s.security();
  }

  /**
   * Does TLS as configured (implicit, or STARTTLS after the greeting) unless an earlier step did; returns
   * the greeting, read now or by an earlier step.
   */
  String connectAndSecure() throws IOException {
    if (security(server) == Security.SSL) {
      if (!secured) {
        handshake();
      }
      return readGreeting();
    }
    String first = readGreeting();
    if (security(server) == Security.STARTTLS && !secured) {
      startTls();
      handshake();
    }
    return first;
  }

  /** Sends the protocol's STARTTLS command; throws {@link StartTlsRefusedException} when the server declines. */
  void startTls() throws IOException {
    Protocol p = server.protocol();
    switch (p) {
      case IMAP -> {
        List<String> answer = command("M1 STARTTLS", "M1 ");
        String last = answer.get(answer.size() - 1);
        if (!last.toUpperCase().startsWith("M1 OK")) {
          throw new StartTlsRefusedException(last);
        }
      }
      case POP3 -> {
        String answer = commandLine("STLS");
        if (!answer.startsWith("+OK")) {
          throw new StartTlsRefusedException(answer);
        }
      }
      case SMTP -> {
        List<String> ehlo = smtpMultiline("EHLO maildiag.invalid");
        if (ehlo.stream().noneMatch(l -> l.length() > 4 && l.substring(4).trim().equalsIgnoreCase("STARTTLS"))) {
          throw new StartTlsRefusedException("EHLO offers no STARTTLS: " + String.join(" | ", ehlo));
        }
        String answer = commandLine("STARTTLS");
        if (!answer.startsWith("220")) {
          throw new StartTlsRefusedException(answer);
        }
      }
    }
  }

  /** The TLS handshake on the current connection, checking the chain with the context's trust and the host name. */
  SSLSocket handshake() throws IOException {
    TlsTrust base = TlsTrust.forContext(ctx.context());
    trust = new RecordingTrustManager(base.trustManager());
    SSLContext ssl;
    try {
      ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {trust}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
    SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(socket, server.host(), server.effectivePort(), true);
    ctx.closeOnTimeout(tls);
    SSLParameters params = tls.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(params);
    tls.setSoTimeout(millis(ctx.timeouts().read()));
    tls.startHandshake();
    use(tls);
    upgraded = greeting != null;
    secured = true;
    return tls;
  }

  /** The certificates the server presented in the last handshake, even when they were refused. */
  RecordingTrustManager trust() {
    return trust;
  }

  /**
   * Reads the greeting: one line (SMTP: all {@code 220-} continuation lines, shown joined by {@code " | "}).
   * Read once per connection; later calls return what was read.
   */
  String readGreeting() throws IOException {
    if (greeting == null) {
      List<String> lines = new ArrayList<>();
      String line = readLine();
      lines.add(line);
      for (int i = 0; i < MAX_LINES && server.protocol() == Protocol.SMTP && line.startsWith("220-"); i++) {
        line = readLine();
        lines.add(line);
      }
      greeting = List.copyOf(lines);
    }
    return String.join(" | ", greeting);
  }

  /** Sends a command and reads lines until one starts with {@code lastPrefix} (e.g. an IMAP tag). */
  List<String> command(String command, String lastPrefix) throws IOException {
    send(command);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < MAX_LINES; i++) {
      String line = readLine();
      lines.add(line);
      if (line.startsWith(lastPrefix)) {
        return lines;
      }
    }
    throw new ProtocolViolationException("more than " + MAX_LINES + " lines in answer to " + command.split(" ")[0]);
  }

  /** Sends a command and reads one answer line. */
  String commandLine(String command) throws IOException {
    send(command);
    return readLine();
  }

  /** Sends an SMTP command and reads its (multi-line) answer. */
  List<String> smtpMultiline(String command) throws IOException {
    send(command);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < MAX_LINES; i++) {
      String line = readLine();
      lines.add(line);
      if (line.length() < 4 || line.charAt(3) != '-') {
        return lines;
      }
    }
    throw new ProtocolViolationException("more than " + MAX_LINES + " lines in answer to " + command.split(" ")[0]);
  }

  /** Reads POP3 multi-line data after a +OK, up to the terminating dot. */
  List<String> pop3Lines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < MAX_LINES; i++) {
      String line = readLine();
      if (line.equals(".")) {
        return lines;
      }
      lines.add(line);
    }
    throw new ProtocolViolationException("more than " + MAX_LINES + " capability lines");
  }

  void send(String command) throws IOException {
    out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * Reads one line within the read timeout, however the bytes trickle in; a line longer than
   * {@link #MAX_LINE} ends the read with {@link LineTooLongException}.
   */
  String readLine() throws IOException {
    long budget = ctx.timeouts().read().toNanos();
    long deadline = System.nanoTime() + budget;
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw incomplete(line.size());
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int b;
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw incomplete(line.size());
      }
      if (b < 0) {
        throw new ConnectionClosedException(line.size() == 0 ? "the server closed the connection"
            : "the server closed the connection in the middle of a line: " + Printable.of(line.toString(StandardCharsets.UTF_8)));
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      if (line.size() >= MAX_LINE) {
        throw new LineTooLongException(line.toString(StandardCharsets.UTF_8));
      }
      line.write(b);
    }
  }

  private SocketTimeoutException incomplete(int received) {
    return new SocketTimeoutException("no complete line within " + dev.maildiag.api.internal.Durations.format(ctx.timeouts().read())
        + " (" + received + " bytes received)");
  }

  private void use(Socket s) throws IOException {
    this.socket = s;
    this.in = new BufferedInputStream(s.getInputStream(), 1024);
    this.out = s.getOutputStream();
  }

  /** IMAP: the capabilities the server listed in answer to {@code CAPABILITY} on this connection, after TLS. */
  void imapCapabilities(List<String> atoms) {
    imapCapabilities = atoms.isEmpty() || atoms.stream().anyMatch(a -> !a.matches("[\\x21-\\x7e&&[^\\]]]+")) ? null : List.copyOf(atoms);
  }

  /** Marks that the server answers in good order (after its capabilities), so that closing says goodbye. */
  void conversing() {
    conversing = true;
  }

  /** Says goodbye ({@code LOGOUT}/{@code QUIT}) if the server was conversing and no login took over, then closes. */
  @Override
  public void close() {
    if (conversing && !handedOver && !socket.isClosed()) {
      conversing = false;
      try {
        send(server.protocol() == Protocol.IMAP ? "M9 LOGOUT" : "QUIT");
      } catch (IOException ignored) {
        // leaving anyway
      }
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more to do with a connection we are leaving
    }
  }

  static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  /** The server declined STARTTLS, or does not offer it. */
  static final class StartTlsRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    StartTlsRefusedException(String answer) {
      super(Printable.of(answer));
    }
  }

  /** The server broke the protocol's shape (too many lines, nonsense). */
  static final class ProtocolViolationException extends IOException {
    private static final long serialVersionUID = 1L;

    ProtocolViolationException(String message) {
      super(message);
    }
  }

  /** The server closed the connection. */
  static final class ConnectionClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectionClosedException(String message) {
      super(message);
    }
  }

  /** A line longer than {@link #MAX_LINE}. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String start;

    LineTooLongException(String start) {
      super("the server sent a line longer than " + MAX_LINE + " bytes");
      this.start = Printable.of(start.substring(0, Math.min(60, start.length())));
    }

    String start() {
      return start;
    }
  }
}
