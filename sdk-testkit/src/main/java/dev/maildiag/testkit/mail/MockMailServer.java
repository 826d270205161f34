package dev.maildiag.testkit.mail;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.testkit.internal.Closing;
import dev.maildiag.testkit.tls.ServerCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable IMAP, POP3 or SMTP server on loopback, for tests: think OkHttp's mockwebserver, for mail.
 * It speaks just enough of each protocol for Angus Mail and maildiag's probes, answers what a test scripts
 * (greeting, capabilities, answers per command, answers per SASL step), misbehaves on request (silence,
 * trickling, garbage, huge lines, resets), and records every command it received, with SASL payloads and
 * passwords replaced by {@code [sasl]} and {@code [secret]}.
 *
 * <pre>{@code
 * try (MockMailServer imap = MockMailServer.imap().sasl("{tag} NO AUTHENTICATE failed.").start()) {
 *   DiagnosticContext ctx = imap.context().accessToken(Secret.of("token")).build();
 *   ...
 *   assertThat(imap.verbs()).doesNotContain("STORE", "EXPUNGE");
 * }
 * }</pre>
 */
public final class MockMailServer implements AutoCloseable {
  /** How the server misbehaves right after accepting a connection. */
  public enum Hostility {
    /** Speaks the protocol as scripted. */
    NONE,
    /** Accepts the connection and never sends a byte. */
    SILENT,
    /** Sends the greeting one byte per second. */
    TRICKLE,
    /** Sends a 10 MB greeting line. */
    HUGE_GREETING,
    /** Sends random binary bytes instead of a greeting. */
    GARBAGE,
    /** Closes the connection at once. */
    DROP
  }

  final Protocol protocol;
  final List<String> greeting = new ArrayList<>();
  final List<String> capabilities = new ArrayList<>();
  final Map<String, List<String>> answers = new ConcurrentHashMap<>();
  final List<String> saslSteps = new ArrayList<>();
  final List<String> saslOneLineSteps = new ArrayList<>();
  final Map<String, Integer> folders = new LinkedHashMap<>();
  final Set<String> resetOn = ConcurrentHashMap.newKeySet();
  final Set<String> stallOn = ConcurrentHashMap.newKeySet();
  final List<String> recorded = new CopyOnWriteArrayList<>();
  final List<String> xoauth2Users = new CopyOnWriteArrayList<>();
  volatile Hostility hostility = Hostility.NONE;
  volatile Duration delay = Duration.ZERO;
  volatile ServerCertificate implicitTls;
  volatile ServerCertificate starttls;
  private ServerSocket serverSocket;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  private MockMailServer(Protocol protocol) {
    this.protocol = protocol;
    folders.put("INBOX", 0);
    switch (protocol) {
      case IMAP -> {
        greeting.add("* OK maildiag mock IMAP ready");
        capabilities.addAll(List.of("IMAP4rev1", "SASL-IR", "AUTH=XOAUTH2", "UIDPLUS"));
      }
      case POP3 -> {
        greeting.add("+OK maildiag mock POP3 ready");
        capabilities.addAll(List.of("USER", "UIDL", "SASL XOAUTH2"));
      }
      case SMTP -> {
        greeting.add("220 localhost maildiag mock ESMTP ready");
        capabilities.addAll(List.of("8BITMIME", "AUTH XOAUTH2", "SIZE 35882577"));
      }
    }
  }

  /**
   * An IMAP server (greeting and capabilities like a plain IMAP4rev1 server offering XOAUTH2), not started yet.
   *
   * @return the server, to script and then {@link #start()}
   */
  public static MockMailServer imap() {
    return new MockMailServer(Protocol.IMAP);
  }

  /**
   * A POP3 server offering SASL XOAUTH2, not started yet.
   *
   * @return the server, to script and then {@link #start()}
   */
  public static MockMailServer pop3() {
    return new MockMailServer(Protocol.POP3);
  }

  /**
   * An SMTP submission server offering AUTH XOAUTH2, not started yet.
   *
   * @return the server, to script and then {@link #start()}
   */
  public static MockMailServer smtp() {
    return new MockMailServer(Protocol.SMTP);
  }

  /**
   * Replaces the greeting; each argument is one line as sent (without CRLF).
   *
   * @param lines the greeting's lines
   * @return this server
   */
  public MockMailServer greeting(String... lines) {
    greeting.clear();
    greeting.addAll(List.of(lines));
    return this;
  }

  /**
   * Replaces the capabilities: IMAP {@code CAPABILITY} atoms, POP3 {@code CAPA} lines, SMTP {@code EHLO}
   * keywords. {@code STARTTLS}/{@code STLS} is added by {@link #starttls}.
   *
   * @param caps the capabilities, in order
   * @return this server
   */
  public MockMailServer capabilities(String... caps) {
    capabilities.clear();
    capabilities.addAll(List.of(caps));
    return this;
  }

  /**
   * The answer to a command verb (e.g. {@code NOOP}, {@code EXAMINE}, {@code STAT}), replacing the default;
   * each argument is one line, {@code {tag}} stands for the IMAP tag. Answering {@code AUTHENTICATE} or
   * {@code AUTH} this way answers at once, without a SASL exchange.
   *
   * @param verb the command verb, in any case
   * @param lines the answer's lines
   * @return this server
   */
  public MockMailServer on(String verb, String... lines) {
    answers.put(verb.toUpperCase(Locale.ROOT), List.of(lines));
    return this;
  }

  /**
   * The server's SASL steps for {@code AUTHENTICATE}/{@code AUTH}: a step starting with {@code +} is a
   * challenge and waits for the client's next line; the first other step is the final answer. By default the
   * server accepts any XOAUTH2 response.
   *
   * @param steps challenges ({@code +} ...) and the final answer
   * @return this server
   */
  public MockMailServer sasl(String... steps) {
    saslSteps.clear();
    saslSteps.addAll(List.of(steps));
    return this;
  }

  /**
   * SASL steps used instead of {@link #sasl} when the client sends its response on the command line
   * (one-line XOAUTH2), e.g. to refuse the one-line POP3 form and accept the two-line one.
   *
   * @param steps challenges ({@code +} ...) and the final answer
   * @return this server
   */
  public MockMailServer saslForOneLine(String... steps) {
    saslOneLineSteps.clear();
    saslOneLineSteps.addAll(List.of(steps));
    return this;
  }

  /**
   * The folders (IMAP LIST, EXAMINE) and their message counts; INBOX with 0 messages by default.
   *
   * @param namesAndCounts folder names and their message counts, in listing order
   * @return this server
   */
  public MockMailServer folders(Map<String, Integer> namesAndCounts) {
    folders.clear();
    folders.putAll(namesAndCounts);
    return this;
  }

  /**
   * The message count of INBOX (IMAP EXAMINE, POP3 STAT).
   *
   * @param count how many messages INBOX holds
   * @return this server
   */
  public MockMailServer messages(int count) {
    folders.put("INBOX", count);
    return this;
  }

  /**
   * Waits this long before every answer (not before the greeting).
   *
   * @param d the delay
   * @return this server
   */
  public MockMailServer delay(Duration d) {
    this.delay = d;
    return this;
  }

  /**
   * Misbehaves instead of greeting.
   *
   * @param h how it misbehaves
   * @return this server
   */
  public MockMailServer hostile(Hostility h) {
    this.hostility = h;
    return this;
  }

  /**
   * Resets the connection (TCP RST) when a command with this verb arrives, e.g. during SASL.
   *
   * @param verb the command verb, in any case
   * @return this server
   */
  public MockMailServer resetOn(String verb) {
    resetOn.add(verb.toUpperCase(Locale.ROOT));
    return this;
  }

  /**
   * Goes silent, keeping the connection open, when a command with this verb arrives (e.g. mid-SASL).
   *
   * @param verb the command verb, in any case
   * @return this server
   */
  public MockMailServer stallOn(String verb) {
    stallOn.add(verb.toUpperCase(Locale.ROOT));
    return this;
  }

  /**
   * Speaks TLS from the first byte with this certificate (993/995/465 style).
   *
   * @param certificate e.g. {@link dev.maildiag.testkit.tls.TestCertificates#localhost()}
   * @return this server
   */
  public MockMailServer tls(ServerCertificate certificate) {
    this.implicitTls = certificate;
    return this;
  }

  /**
   * Offers STARTTLS (STLS for POP3) with this certificate.
   *
   * @param certificate e.g. {@link dev.maildiag.testkit.tls.TestCertificates#localhost()}
   * @return this server
   */
  public MockMailServer starttls(ServerCertificate certificate) {
    this.starttls = certificate;
    return this;
  }

  /**
   * Starts listening on 127.0.0.1 with a free port.
   *
   * @return this server, listening
   */
  public MockMailServer start() {
    try {
      serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "mock-" + protocol.label() + "-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /**
   * The host to connect to.
   *
   * @return {@code 127.0.0.1}
   */
  public String host() {
    return "127.0.0.1";
  }

  /**
   * The port it listens on.
   *
   * @return the port, once {@link #start() started}
   */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /**
   * A context builder pointing at this server: protocol, host, port, security (ssl with {@link #tls},
   * starttls with {@link #starttls}, else none), login {@code user@example.test}, no proxy, the test CA as trust.
   *
   * @return a builder to add credentials and settings to
   */
  public DiagnosticContext.Builder context() {
    Security security = implicitTls != null ? Security.SSL : starttls != null ? Security.STARTTLS : Security.NONE;
    return DiagnosticContext.builder().protocol(protocol).host(host()).port(port()).security(security)
        .login("user@example.test").network(NetworkSettings.direct())
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust());
  }

  /**
   * A context for this server with an access token already set.
   *
   * @param accessToken the token to log in with
   * @return the context
   */
  public DiagnosticContext context(Secret accessToken) {
    return context().accessToken(accessToken).build();
  }

  /**
   * Every command received, in order, secrets replaced.
   *
   * @return the commands, e.g. {@code A1 AUTHENTICATE XOAUTH2 [sasl]}
   */
  public List<String> commands() {
    return List.copyOf(recorded);
  }

  /**
   * The {@code user=} of every XOAUTH2 response received, in order (the token itself is never kept).
   *
   * @return the users, oldest first
   */
  public List<String> xoauth2Users() {
    return List.copyOf(xoauth2Users);
  }

  /**
   * How many TCP connections the server has accepted so far.
   *
   * @return the number of connections
   */
  public int connections() {
    return accepted.get();
  }

  /**
   * The verbs of the commands received (IMAP tags left out), upper case.
   *
   * @return the verbs, e.g. {@code AUTHENTICATE}
   */
  public List<String> verbs() {
    return recorded.stream().map(MockMailServer::verbOf).toList();
  }

  static String verbOf(String recordedLine) {
    String[] words = recordedLine.split(" ");
    if (words.length > 1 && words[0].matches("[A-Za-z]*[0-9]+")) {
      return words[1].toUpperCase(Locale.ROOT);
    }
    return words[0].toUpperCase(Locale.ROOT);
  }

  void record(String line) {
    recorded.add(line);
  }

  boolean isClosed() {
    return closed;
  }

  void forget(Socket s) {
    open.remove(s);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = serverSocket.accept();
        accepted.incrementAndGet();
        s.setTcpNoDelay(true); // answers go out line by line: without this, Nagle and delayed ACKs add 40 ms stalls
        open.add(s);
        Thread t = new Thread(new MockConnection(this, s), "mock-" + protocol.label() + "-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Closing.all(serverSocket, open);
  }
}
