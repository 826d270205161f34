package dev.maildiag.testkit.google;

import dev.maildiag.testkit.MailboxSnapshot;
import dev.maildiag.testkit.internal.TlsFront;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.maildiag.api.Protocol;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import jakarta.mail.Flags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gmail-like mail servers on loopback, with TLS from the test CA. A healthy one is a real GreenMail mailbox that
 * accepts exactly the access token the simulation issued; a failing one is a scripted server that answers word
 * for word as imap.gmail.com, pop.gmail.com and smtp.gmail.com do.
 */
final class GmailServers {
  /** A running server: where it listens, what its mailbox saw (a real mailbox only), and how to stop it. */
  public record Running(Protocol protocol, int port, Optional<MailboxWitness> mailbox, AutoCloseable stopper) implements AutoCloseable {
    @Override
    public void close() {
      try {
        stopper.close();
      } catch (Exception e) {
        throw new IllegalStateException("could not stop the simulated Gmail server", e);
      }
    }
  }

  private GmailServers() {}

  /** Gmail's XOAUTH2 error challenge (base64 JSON), as sent before the final refusal. */
  public static String challenge(String status) {
    String json = "{\"status\":\"" + status + "\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}";
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A GreenMail mailbox of {@code login} behind TLS that accepts only {@code accessToken}, holding a few messages
   * (some seen, some flagged) so that a read-only diagnosis has something to leave alone.
   */
  public static Running accepting(Protocol protocol, String login, String accessToken) {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol.label()).dynamicPort();
    GreenMail greenMail = new GreenMail(setup);
    greenMail.start();
    UserImpl user = (UserImpl) greenMail.setUser(login, login, "not-a-token");
    user.setTokenValidator(accessToken::equals);
    MailFolder inbox = inbox(greenMail, user);
    fill(inbox, login, setup, 12);
    int plainPort = switch (protocol) {
      case IMAP -> greenMail.getImap().getPort();
      case POP3 -> greenMail.getPop3().getPort();
      case SMTP -> greenMail.getSmtp().getPort();
    };
    TlsFront relay = TlsFront.start(plainPort, TestCertificates.localhost(), protocol);
    MailboxWitness witness = new MailboxWitness() {
      @Override
      public MailboxSnapshot snapshot() {
        List<MailboxSnapshot.Message> messages = new ArrayList<>();
        for (StoredMessage m : inbox.getMessages()) {
          messages.add(new MailboxSnapshot.Message(m.getUid(), flags(m.getFlags())));
        }
        return new MailboxSnapshot(Map.of("INBOX", messages));
      }

      @Override
      public List<String> commandsReceived() {
        return relay.commands();
      }
    };
    return new Running(protocol, relay.port(), Optional.of(witness), () -> {
      relay.close();
      greenMail.stop();
    });
  }

  private static MailFolder inbox(GreenMail greenMail, UserImpl user) {
    try {
      return greenMail.getManagers().getImapHostManager().getInbox(user);
    } catch (FolderException e) {
      throw new IllegalStateException("GreenMail has no INBOX for " + user.getEmail(), e);
    }
  }

  private static void fill(MailFolder inbox, String login, ServerSetup setup, int count) {
    for (int i = 0; i < count; i++) {
      Flags flags = new Flags();
      if (i % 3 == 0) {
        flags.add(Flags.Flag.SEEN);
      }
      if (i % 5 == 0) {
        flags.add(Flags.Flag.FLAGGED);
      }
      inbox.appendMessage(GreenMailUtil.createTextEmail(login, "customer" + i + "@example.org", "Ticket " + i,
          "Please look at ticket " + i + ".", setup), flags, new Date());
    }
  }

  private static Set<String> flags(Flags flags) {
    Set<String> names = new TreeSet<>(List.of(flags.getUserFlags()));
    Map<Flags.Flag, String> system = Map.of(Flags.Flag.SEEN, "\\Seen", Flags.Flag.FLAGGED, "\\Flagged",
        Flags.Flag.ANSWERED, "\\Answered", Flags.Flag.DELETED, "\\Deleted", Flags.Flag.DRAFT, "\\Draft",
        Flags.Flag.RECENT, "\\Recent");
    system.forEach((flag, name) -> {
      if (flags.contains(flag)) {
        names.add(name);
      }
    });
    return names;
  }

  /** A scripted Gmail that refuses XOAUTH2 with its error challenge ({@code 400} or {@code 401}) and final answer. */
  public static Running refusing(Protocol protocol, String status) {
    MockMailServer server = gmail(protocol);
    switch (protocol) {
      case IMAP -> server.sasl("+ " + challenge(status), "{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)");
      case POP3 -> server.sasl("+ " + challenge(status), "-ERR [AUTH] Invalid credentials.");
      // smtp.gmail.com sends "334 <challenge>" first; the scripted server's SMTP steps carry only the final answer
      case SMTP -> server.sasl("535 5.7.8 Username and Password not accepted. For more information, go to"
          + " https://support.google.com/mail/?p=BadCredentials a1sm1234567wrb.0 - gsmtp");
    }
    return running(protocol, server.start());
  }

  /**
   * A scripted Gmail refusing a password login (AUTHENTICATE PLAIN or LOGIN, AUTH PLAIN or USER/PASS, SMTP AUTH)
   * as it refuses an account password from a mail client: an app password is required.
   */
  public static Running refusingPassword(Protocol protocol) {
    MockMailServer server = gmail(protocol);
    switch (protocol) {
      case IMAP -> {
        String answer = "{tag} NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)";
        server.sasl(answer).on("LOGIN", answer);
      }
      case POP3 -> {
        String answer = "-ERR [AUTH] Application-specific password required: https://support.google.com/accounts/answer/185833";
        server.sasl(answer).on("PASS", answer);
      }
      case SMTP -> server.on("AUTH", "534-5.7.9 Application-specific password required. Learn more at",
          "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor a1sm1234567wrb.0 - gsmtp");
    }
    return running(protocol, server.start());
  }

  /** A scripted Gmail whose answer to the (valid) XOAUTH2 response is {@code answer}, e.g. a protocol-disabled alert. */
  public static Running answering(Protocol protocol, String answer) {
    return running(protocol, gmail(protocol).sasl(answer).start());
  }

  /** Gmail's greeting and capabilities, over TLS with the test CA's localhost certificate. */
  static MockMailServer gmail(Protocol protocol) {
    MockMailServer server = switch (protocol) {
      case IMAP -> MockMailServer.imap()
          .greeting("* OK Gimap ready for requests from 127.0.0.1 a1mb12345678wrb")
          .capabilities("IMAP4rev1", "UNSELECT", "IDLE", "NAMESPACE", "QUOTA", "ID", "XLIST", "CHILDREN", "X-GM-EXT-1", "XYZZY",
              "SASL-IR", "AUTH=XOAUTH2", "AUTH=PLAIN", "AUTH=PLAIN-CLIENTTOKEN", "AUTH=OAUTHBEARER", "AUTH=XOAUTH");
      case POP3 -> MockMailServer.pop3()
          .greeting("+OK Gpop ready for requests from 127.0.0.1 a1mb12345678pop")
          .capabilities("USER", "RESP-CODES", "EXPIRE 0", "LOGIN-DELAY 300", "TOP", "UIDL", "X-GOOGLE-RICO",
              "SASL PLAIN XOAUTH2 OAUTHBEARER");
      case SMTP -> MockMailServer.smtp()
          .greeting("220 smtp.gmail.com ESMTP a1sm1234567wrb.0 - gsmtp")
          .capabilities("SIZE 35882577", "8BITMIME", "AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH",
              "ENHANCEDSTATUSCODES", "PIPELINING", "CHUNKING", "SMTPUTF8");
    };
    return server.tls(TestCertificates.localhost());
  }

  private static Running running(Protocol protocol, MockMailServer server) {
    return new Running(protocol, server.port(), Optional.empty(), server);
  }
}
