package dev.maildiag.testkit.microsoft;

import dev.maildiag.testkit.internal.TestStores;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.microsoft.MailEndpoint;
import dev.maildiag.microsoft.MailEndpoints;
import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import dev.maildiag.testkit.internal.TlsFront;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The simulated Exchange Online: IMAP, POP3 and SMTP on loopback, one GreenMail each. Each server's token
 * validator asks {@link ExchangeOnline} whether Exchange would accept the token presented over that
 * protocol, so only tokens the simulation issued, for the right audience, permission, user, licence and
 * an enabled protocol get in.
 */
public final class SimulatedExchange implements AutoCloseable {
  private final Map<Protocol, GreenMail> servers;
  private final Map<Protocol, TlsFront> fronts;
  private final Protocol protocol;
  private final MockMailServer scripted;

  private SimulatedExchange(Map<Protocol, GreenMail> servers, Map<Protocol, TlsFront> fronts, Protocol protocol, MockMailServer scripted) {
    this.servers = servers;
    this.fronts = fronts;
    this.protocol = protocol;
    this.scripted = scripted;
  }

  /**
   * Starts the servers. Where Exchange answers {@code issuedToken} with something GreenMail cannot say
   * (a refusal in Exchange's words, a session refused after login, localized or huge folders), the
   * configured protocol is served by a {@link MockMailServer} scripted with Exchange's exact answers.
   */
  static SimulatedExchange start(Microsoft365Setup s, String issuedToken) {
    Map<Protocol, GreenMail> servers = new EnumMap<>(Protocol.class);
    Map<Protocol, TlsFront> fronts = new EnumMap<>(Protocol.class);
    MockMailServer scripted = null;
    try {
      for (Protocol p : Protocol.values()) {
        servers.put(p, server(s, p));
        fronts.put(p, TlsFront.start(greenMailPort(servers.get(p), p), TestCertificates.localhost(), p));
      }
      fill(servers.get(s.protocol), s);
      ExchangeOnline.Outcome outcome = ExchangeOnline.handlerLogin(s, issuedToken);
      boolean plainFolders = s.folders.containsKey("INBOX") && s.folders.values().stream().allMatch(n -> n <= 1000);
      if (outcome != ExchangeOnline.Outcome.ACCEPTED || !plainFolders) {
        scripted = ExchangeAnswersScript.start(s, outcome);
      }
    } catch (RuntimeException e) {
      fronts.values().forEach(TlsFront::close);
      servers.values().forEach(GreenMail::stop);
      throw e;
    }
    return new SimulatedExchange(servers, fronts, s.protocol, scripted);
  }

  private static GreenMail server(Microsoft365Setup s, Protocol p) {
    ServerSetup setup = switch (p) {
      case IMAP -> ServerSetupTest.IMAP.dynamicPort();
      case POP3 -> ServerSetupTest.POP3.dynamicPort();
      case SMTP -> ServerSetupTest.SMTP.dynamicPort();
    };
    GreenMail gm = new GreenMail(setup);
    gm.start();
    Set<String> logins = new LinkedHashSet<>();
    logins.add(s.login);
    logins.add(s.effectiveMailbox());
    for (String login : logins) {
      GreenMailUser user = gm.setUser(login, login, "not-a-password-" + System.nanoTime());
      ((UserImpl) user).setTokenValidator(token -> ExchangeOnline.login(s, p, token) == ExchangeOnline.Outcome.ACCEPTED);
    }
    return gm;
  }

  /** Puts the setup's INBOX messages into the mailbox; every third one read, every seventh flagged. */
  private static void fill(GreenMail gm, Microsoft365Setup s) {
    int count = s.folders.getOrDefault("INBOX", 0);
    if (count > 1000) {
      return; // a flooded inbox is answered by the scripted server
    }
    try {
      MailFolder inbox = gm.getManagers().getImapHostManager().getInbox(gm.getUserManager().getUser(s.effectiveMailbox()));
      Session session = Session.getInstance(new Properties());
      for (int i = 0; i < count; i++) {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("customer" + i + "@example.test"));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, s.effectiveMailbox());
        m.setSubject("Support request " + i);
        m.setText("Please help with request " + i + ".");
        m.saveChanges();
        Flags flags = new Flags();
        if (i % 3 == 0) {
          flags.add(Flags.Flag.SEEN);
        }
        if (i % 7 == 0) {
          flags.add(Flags.Flag.FLAGGED);
        }
        inbox.appendMessage(m, flags, new Date());
      }
    } catch (MessagingException | FolderException e) {
      throw new IllegalStateException("cannot fill the simulated mailbox", e);
    }
  }

  /**
   * The mailbox the diagnosis reads, seen from the server: what it holds and the commands it received.
   *
   * @param s the setup the simulation was started with
   * @return the witness of the mailbox
   */
  public MailboxWitness witness(Microsoft365Setup s) {
    if (scripted != null) {
      return new MailboxWitness() {
        @Override public MailboxSnapshot snapshot() {
          Map<String, List<MailboxSnapshot.Message>> folders = new LinkedHashMap<>();
          s.folders.forEach((name, n) -> folders.put(name, LongStream.rangeClosed(1, Math.min(n, 1000))
              .mapToObj(uid -> new MailboxSnapshot.Message(uid, Set.of())).toList()));
          return new MailboxSnapshot(folders);
        }

        @Override public List<String> commandsReceived() {
          return scripted.commands().stream().map(c -> untagged(c, s.protocol)).toList();
        }
      };
    }
    GreenMail gm = servers.get(protocol);
    return new MailboxWitness() {
      @Override public MailboxSnapshot snapshot() {
        try {
          MailFolder inbox = gm.getManagers().getImapHostManager().getInbox(gm.getUserManager().getUser(s.effectiveMailbox()));
          List<MailboxSnapshot.Message> messages = new ArrayList<>();
          for (StoredMessage m : inbox.getMessages()) {
            Set<String> flags = new java.util.TreeSet<>();
            for (Flags.Flag f : m.getFlags().getSystemFlags()) {
              flags.add(flagName(f));
            }
            flags.addAll(List.of(m.getFlags().getUserFlags()));
            messages.add(new MailboxSnapshot.Message(m.getUid(), flags));
          }
          return new MailboxSnapshot(Map.of("INBOX", messages));
        } catch (FolderException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override public List<String> commandsReceived() {
        return fronts.get(protocol).commands();
      }
    };
  }

  private static String untagged(String command, Protocol p) {
    int space = command.indexOf(' ');
    return p == Protocol.IMAP && space > 0 && !command.startsWith("[") ? command.substring(space + 1) : command;
  }

  private static String flagName(Flags.Flag f) {
    if (f == Flags.Flag.SEEN) return "\\Seen";
    if (f == Flags.Flag.FLAGGED) return "\\Flagged";
    if (f == Flags.Flag.ANSWERED) return "\\Answered";
    if (f == Flags.Flag.DELETED) return "\\Deleted";
    if (f == Flags.Flag.DRAFT) return "\\Draft";
    if (f == Flags.Flag.RECENT) return "\\Recent";
    return String.valueOf(f);
  }

  /**
   * Points a context at the configured protocol's server, and tells where the other protocols are.
   *
   * @param b the context being built
   */
  public void configure(DiagnosticContext.Builder b) {
    if (scripted != null) {
      DiagnosticContext mock = scripted.context().build();
      b.host(mock.server().host()).port(mock.server().port()).security(mock.server().security())
          .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust());
    } else {
      b.host("127.0.0.1").port(port(protocol)).security(Security.SSL).attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust());
    }
    Map<Protocol, MailEndpoint> all = new EnumMap<>(Protocol.class);
    for (Protocol p : servers.keySet()) {
      all.put(p, new MailEndpoint("127.0.0.1", port(p), Security.SSL));
    }
    b.attribute(MailEndpoints.ATTRIBUTE, new MailEndpoints(all));
  }

  /**
   * The scripted server answering in Exchange's words, or null when GreenMail serves the configured protocol.
   *
   * @return the scripted server, or null
   */
  public MockMailServer scripted() {
    return scripted;
  }

  /**
   * The port a protocol is served on (implicit TLS in front of GreenMail).
   *
   * @param p the protocol
   * @return its loopback port
   */
  public int port(Protocol p) {
    return fronts.get(p).port();
  }

  private static int greenMailPort(GreenMail gm, Protocol p) {
    return switch (p) {
      case IMAP -> gm.getImap().getServerSetup().getPort();
      case POP3 -> gm.getPop3().getServerSetup().getPort();
      case SMTP -> gm.getSmtp().getServerSetup().getPort();
    };
  }

  @Override
  public void close() {
    if (scripted != null) {
      scripted.close();
    }
    fronts.values().forEach(TlsFront::close);
    servers.values().forEach(GreenMail::stop);
  }
}
