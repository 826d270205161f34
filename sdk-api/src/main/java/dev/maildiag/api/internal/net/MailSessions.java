package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Service;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;

/**
 * Angus Mail sessions for a context: timeouts, TLS with server identity checks and the context's
 * {@link TlsTrust} (never trust-all), XOAUTH2 as the only mechanism, and the proxy route of
 * {@link ProxyDecision}. IMAP stores are strict: they never send a token as a LOGIN password.
 */
public final class MailSessions {
  /** The message of the error a strict store raises when the server does not offer XOAUTH2. */
  public static final String NO_XOAUTH2 = "server does not advertise AUTH=XOAUTH2; maildiag does not send the token as a LOGIN password";

  /** Jakarta Mail's default password mechanisms, without NTLM (a Windows domain login, not a mail password). */
  private static final String PASSWORD_MECHANISMS = "PLAIN LOGIN";

  static {
    LibraryLogs.guard(); // Angus' own logging of the protocol passes the redaction too
  }

  private MailSessions() {}

  /** Jakarta Mail's protocol name for this context, e.g. {@code imaps}. */
  public static String protocolName(MailServer server) {
    return server.protocol().jakartaName(security(server));
  }

  /** The properties of a session for this context. */
  public static Properties properties(DiagnosticContext context) {
    return properties(context, false);
  }

  /**
   * The properties of a session for this context.
   *
   * @param pop3TwoLine for POP3, send the XOAUTH2 response on a second line (as Exchange Online wants)
   */
  public static Properties properties(DiagnosticContext context, boolean pop3TwoLine) {
    MailServer server = context.server();
    String name = protocolName(server);
    String p = "mail." + name + ".";
    Properties props = login(context, p, pop3TwoLine);
    props.setProperty(p + "connectiontimeout", millis(context.timeouts().connect()));
    props.setProperty(p + "ssl.checkserveridentity", "true");
    props.put(p + "ssl.socketFactory", NoDelaySockets.tls(TlsTrust.forContext(context).socketFactory()));
    if (security(server) != Security.SSL) {
      props.put(p + "socketFactory", NoDelaySockets.plain(SocketFactory.getDefault()));
    }
    if (security(server) == Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    Route route = ProxyDecision.forMail(context.network(), server.protocol(), server.security(), server.host());
    if (route.kind() == Route.Kind.HTTP) {
      props.setProperty(p + "proxy.host", route.proxy().host());
      props.setProperty(p + "proxy.port", Integer.toString(route.proxy().port()));
      if (route.proxy().user() != null && route.proxy().password() != null) {
        props.setProperty(p + "proxy.user", route.proxy().user());
        props.setProperty(p + "proxy.password", route.proxy().password().reveal());
      }
    } else if (route.kind() == Route.Kind.SOCKS) {
      props.setProperty(p + "socks.host", route.proxy().host());
      props.setProperty(p + "socks.port", Integer.toString(route.proxy().port()));
    }
    return props;
  }

  /** What every login needs whatever the connection: read and write timeouts, XOAUTH2 only, the SMTP and POP3 specifics. */
  private static Properties login(DiagnosticContext context, String p, boolean pop3TwoLine) {
    Protocol protocol = context.server().protocol();
    Timeouts t = context.timeouts();
    Properties props = new Properties();
    props.setProperty(p + "timeout", millis(t.read()));
    props.setProperty(p + "writetimeout", millis(t.read()));
    props.setProperty(p + "auth.mechanisms", "XOAUTH2");
    if (protocol == Protocol.SMTP) {
      props.setProperty(p + "auth", "true");
      props.setProperty(p + "localhost", "maildiag.invalid");
    }
    if (protocol == Protocol.POP3) {
      props.setProperty(p + "auth.xoauth2.two.line.authentication.format", Boolean.toString(pop3TwoLine));
    }
    return props;
  }

  /**
   * A store (IMAP, POP3) or transport (SMTP) that logs in over {@code connected}: a connection the earlier
   * probes opened along the context's route and secured as configured. Angus Mail gets it through its
   * socket-factory setting (without falling back to a connection of its own), reads the greeting the socket
   * replays and speaks its protocol from there; since the socket is secured already, Angus is told the plain
   * protocol (no TLS of its own, no STARTTLS, no proxy). IMAP stores are strict, as in {@link #store}.
   */
  public static Service overConnection(DiagnosticContext context, ConnectedSocket connected, boolean pop3TwoLine, ProtocolTrace trace)
      throws NoSuchProviderException {
    MailServer server = context.server();
    String name = server.protocol().jakartaName(Security.NONE);
    String p = "mail." + name + ".";
    Properties props = login(context, p, pop3TwoLine);
    props.put(p + "socketFactory", new HandingOver(connected));
    props.setProperty(p + "socketFactory.fallback", "false");
    Session session = traced(props, trace);
    return OwnClassLoader.call(() -> switch (server.protocol()) {
      case IMAP -> session.getStore(new Provider(Provider.Type.STORE, name, StrictImapStore.class.getName(), "maildiag", "1"));
      case POP3 -> session.getStore(name);
      case SMTP -> session.getTransport(new Provider(Provider.Type.TRANSPORT, name, SaslErrorExchangeSmtpTransport.class.getName(),
          "maildiag", "1"));
    });
  }

  /** Gives Angus the one connection once; a second connection is refused rather than opened behind the diagnosis' back. */
  private static final class HandingOver extends SocketFactory {
    private final AtomicReference<ConnectedSocket> socket;

    HandingOver(ConnectedSocket socket) {
      this.socket = new AtomicReference<>(socket);
    }

    @Override
    public Socket createSocket() throws IOException {
      ConnectedSocket s = socket.getAndSet(null);
      if (s == null) {
        throw new SocketException("the diagnosis' mail connection is in use; maildiag opens no second one");
      }
      return s;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return createSocket();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return createSocket();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return createSocket();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return createSocket();
    }
  }

  /** A session for this context whose protocol trace (without SASL payloads) goes to {@code trace}. */
  public static Session session(DiagnosticContext context, boolean pop3TwoLine, ProtocolTrace trace) {
    return traced(properties(context, pop3TwoLine), trace);
  }

  private static Session traced(Properties props, ProtocolTrace trace) {
    Session session = OwnClassLoader.call(() -> Session.getInstance(props));
    if (trace != null) {
      session.setDebugOut(trace.printStream());
      session.setDebug(true);
    }
    return session;
  }

  /**
   * A session for one password login, as a handler still on basic authentication makes it: the same
   * timeouts, TLS and proxy route, but the password mechanisms ({@code PLAIN}, {@code LOGIN}; IMAP falls back
   * to {@code LOGIN}, POP3 to {@code USER}/{@code PASS}) instead of XOAUTH2. Only the basic-auth check uses it;
   * Angus keeps suppressing the authentication exchange in the trace ({@code mail.debug.auth} stays unset).
   */
  public static Session passwordSession(DiagnosticContext context, ProtocolTrace trace) {
    Properties props = properties(context, false);
    props.setProperty("mail." + protocolName(context.server()) + ".auth.mechanisms", PASSWORD_MECHANISMS);
    return traced(props, trace);
  }

  /** A store for a password login: Angus' own, which may send {@code LOGIN} (never used with a token). */
  public static Store passwordStore(Session session, MailServer server) throws NoSuchProviderException {
    return OwnClassLoader.call(() -> session.getStore(protocolName(server)));
  }

  /** A store (IMAP or POP3) for this context; IMAP stores refuse to log in without {@code AUTH=XOAUTH2}. */
  public static Store store(Session session, MailServer server) throws NoSuchProviderException {
    String name = protocolName(server);
    if (server.protocol() == Protocol.IMAP) {
      Class<?> strict = security(server) == Security.SSL ? StrictImapSslStore.class : StrictImapStore.class;
      return OwnClassLoader.call(() -> session.getStore(new Provider(Provider.Type.STORE, name, strict.getName(), "maildiag", "1")));
    }
    return OwnClassLoader.call(() -> session.getStore(name));
  }

  /** An SMTP transport for this context, which reports a refused token with the server's final answer. */
  public static Transport transport(Session session, MailServer server) throws NoSuchProviderException {
    String name = protocolName(server);
    return OwnClassLoader.call(() -> session.getTransport(new Provider(Provider.Type.TRANSPORT, name,
        SaslErrorExchangeSmtpTransport.class.getName(), "maildiag", "1")));
  }

  static Security security(MailServer server) {
    return server.security() == null ? Security.SSL : server.security();
  }

  private static String millis(java.time.Duration d) {
    return Long.toString(Math.max(1, d.toMillis()));
  }
}
