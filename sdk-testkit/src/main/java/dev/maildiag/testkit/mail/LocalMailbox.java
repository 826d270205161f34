package dev.maildiag.testkit.mail;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A real, complete mail server (GreenMail) on loopback with one mailbox, for tests and benchmarks that need
 * real IMAP/POP3/SMTP behaviour: read-only proof, folders, large mailboxes. The user's password is the access
 * token GreenMail accepts with XOAUTH2. Plain text ports only (GreenMail's TLS uses a self-signed certificate
 * that maildiag rightly refuses; use {@link MockMailServer} with the test CA for TLS).
 *
 * <pre>{@code
 * try (LocalMailbox mailbox = LocalMailbox.start().fill(1_000)) {
 *   Report report = Maildiag.create().diagnose(mailbox.context(Protocol.IMAP));
 * }
 * }</pre>
 */
public final class LocalMailbox implements AutoCloseable {
  /**
   * The one user, and the login of {@link #context}.
   */
  public static final String USER = "helpdesk@example.test";
  /**
   * The access token GreenMail accepts for {@link #USER}.
   */
  public static final String TOKEN = "greenmail-token-1";

  private final GreenMail greenMail;
  private final GreenMailUser user;

  private LocalMailbox(GreenMail greenMail, GreenMailUser user) {
    this.greenMail = greenMail;
    this.user = user;
  }

  /**
   * Starts GreenMail with IMAP, POP3 and SMTP on free loopback ports and the user {@value #USER}.
   *
   * @return the running mailbox
   */
  public static LocalMailbox start() {
    ServerSetup[] setups = {
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3),
        new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)};
    GreenMail gm = new GreenMail(setups);
    gm.start();
    GreenMailUser user = gm.setUser(USER, USER, TOKEN);
    return new LocalMailbox(gm, user);
  }

  /**
   * Appends {@code count} small messages to INBOX; every third one is marked \Seen, every seventh \Flagged.
   *
   * @param count how many messages
   * @return this mailbox
   */
  public LocalMailbox fill(int count) {
    try {
      MailFolder inbox = inbox();
      Session session = Session.getInstance(new Properties());
      Date now = new Date();
      int start = inbox.getMessageCount();
      for (int i = start; i < start + count; i++) {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("sender" + (i % 50) + "@example.test"));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, USER);
        m.setSubject("Request " + i);
        m.setText("Please help with request " + i + ".");
        m.saveChanges();
        Flags flags = new Flags();
        if (i % 3 == 0) {
          flags.add(Flags.Flag.SEEN);
        }
        if (i % 7 == 0) {
          flags.add(Flags.Flag.FLAGGED);
        }
        inbox.appendMessage(m, flags, now);
      }
      return this;
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot fill the mailbox", e);
    }
  }

  /**
   * Creates a folder next to INBOX.
   *
   * @param name the folder's name
   * @return this mailbox
   */
  public LocalMailbox folder(String name) {
    try {
      greenMail.getManagers().getImapHostManager().createMailbox(user, name);
      return this;
    } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The plain-text port of a protocol.
   *
   * @param protocol the protocol
   * @return the loopback port it is served on
   */
  public int port(Protocol protocol) {
    return switch (protocol) {
      case IMAP -> greenMail.getImap().getPort();
      case POP3 -> greenMail.getPop3().getPort();
      case SMTP -> greenMail.getSmtp().getPort();
    };
  }

  /**
   * A context for this mailbox and protocol, with the token GreenMail accepts.
   *
   * @param protocol the protocol
   * @return a builder to change before building
   */
  public DiagnosticContext.Builder contextBuilder(Protocol protocol) {
    return DiagnosticContext.builder().protocol(protocol).host("127.0.0.1").port(port(protocol)).security(Security.NONE)
        .login(USER).accessToken(Secret.of(TOKEN)).network(NetworkSettings.direct());
  }

  /**
   * A context for this mailbox and protocol, with the token GreenMail accepts.
   *
   * @param protocol the protocol
   * @return the context
   */
  public DiagnosticContext context(Protocol protocol) {
    return contextBuilder(protocol).build();
  }

  /**
   * INBOX as GreenMail stores it: count, and every UID with its flags.
   *
   * @return the snapshot
   */
  public Snapshot snapshot() {
    MailFolder inbox = inbox();
    TreeMap<Long, String> flags = new TreeMap<>();
    for (StoredMessage m : inbox.getMessages()) {
      flags.put(m.getUid(), m.getFlags().toString());
    }
    return new Snapshot(inbox.getMessageCount(), new ArrayList<>(flags.keySet()), flags);
  }

  /**
   * What INBOX holds.
   *
   * @param count message count
   * @param uids UIDs in order
   * @param flagsByUid each message's flags
   */
  public record Snapshot(int count, List<Long> uids, TreeMap<Long, String> flagsByUid) {}

  private MailFolder inbox() {
    try {
      return greenMail.getManagers().getImapHostManager().getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /**
   * Starts a local mailbox and prints the maildiag commands that diagnose it; stops on Ctrl-C.
   *
   * @param args none
   * @throws InterruptedException when stopped
   */
  public static void main(String[] args) throws InterruptedException {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 25;
    LocalMailbox mailbox = start().fill(messages);
    Runtime.getRuntime().addShutdownHook(new Thread(mailbox::close));
    System.out.println("GreenMail mailbox " + USER + " with " + messages + " messages. Diagnose it with:");
    for (Protocol p : Protocol.values()) {
      System.out.println("  MAILDIAG_ACCESS_TOKEN=" + TOKEN + " ./maildiag check --protocol " + p.label()
          + " --host 127.0.0.1 --port " + mailbox.port(p) + " --security none --login " + USER);
    }
    System.out.println("Press Ctrl-C to stop.");
    Thread.currentThread().join();
  }
}
