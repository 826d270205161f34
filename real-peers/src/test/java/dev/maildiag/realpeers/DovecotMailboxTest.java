package dev.maildiag.realpeers;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes on a real Dovecot: read-only proof (files, flags and UIDs unchanged), missing folder, folder name
 * case, a flooded folder of 20,000 messages, a server that slows down after failed logins, and the setups
 * that need a Dovecot of their own (XOAUTH2 not offered, IMAP denied for one user, submission relay down).
 */
class DovecotMailboxTest {
  private static final String SUITE = "dovecot-mailbox";
  private static final String POP_USER = "pop@example.test";
  private static final String FLOOD_USER = "flood@example.test";
  private static final int FLOOD = 20_000;
  private static RealDovecot dovecot;
  private Map<String, Maildirs.Message> before;

  @BeforeAll
  static void start() {
    Cases.assumeAvailable(SUITE, RealDovecot.unavailable());
    dovecot = RealDovecot.start(Cases.work("dovecot-mailbox"), RealDovecot.Setup.standard().withWorkingRelay());
    Maildirs.seed(dovecot.maildir(RealDovecot.USER), "", 9);
    Maildirs.seed(dovecot.maildir(RealDovecot.USER), "Support", 3);
    Maildirs.seed(dovecot.maildir(POP_USER), "", 9);
    Maildirs.seed(dovecot.maildir(FLOOD_USER), "", FLOOD);
    for (String user : new String[] {RealDovecot.USER, POP_USER, FLOOD_USER}) {
      dovecot.chownToMailUser(dovecot.maildir(user).getParent());
      // the server indexes what it was handed (UIDs), as it would on its first access
      Loopback.Result r = dovecot.doveadm("mailbox", "status", "-u", user, "messages uidnext", "*");
      assertThat(r.ok()).as(r.output()).isTrue();
    }
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @BeforeEach
  void snapshot() {
    dovecot.forgetFailures();
    before = all();
  }

  /** Every case, whatever it diagnoses, leaves every message, flag and UID as it was. */
  @AfterEach
  void nothingChanged() {
    Map<String, Maildirs.Message> after = all();
    assertThat(after.keySet()).as("messages").isEqualTo(before.keySet());
    for (Map.Entry<String, Maildirs.Message> e : before.entrySet()) {
      Maildirs.Message was = e.getValue();
      Maildirs.Message is = after.get(e.getKey());
      assertThat(is.flags()).as("flags of %s", e.getKey()).isEqualTo(was.flags());
      assertThat(is.uid()).as("UID of %s", e.getKey()).isEqualTo(was.uid());
      if (!e.getKey().startsWith(POP_USER)) {
        assertThat(is.place()).as("new/ or cur/ of %s", e.getKey()).isEqualTo(was.place());
      }
    }
  }

  private static Map<String, Maildirs.Message> all() {
    Map<String, Maildirs.Message> all = new java.util.TreeMap<>();
    for (String user : new String[] {RealDovecot.USER, POP_USER}) {
      Maildirs.snapshot(dovecot.maildir(user)).forEach((k, v) -> all.put(user + "/" + k, v));
    }
    return all;
  }

  private static String server(String what) {
    return RealDovecot.version() + " " + what;
  }

  @Test
  void imapReadsWithoutChangingAnything() {
    Cases.expect(SUITE, "read-only IMAP (EXAMINE)", server("IMAPS"), "nothing: 9 messages in INBOX, 3 in new/", Cases.HEALTHY,
        Cases.mail("imap", dovecot.host(), dovecot.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
  }

  /**
   * Dovecot itself moves the messages in new/ to cur/ (no flags) when a POP3 session starts: the server's doing
   * at login, not a command of maildiag's (which sends STAT and QUIT, never RETR, DELE or RSET).
   */
  @Test
  void pop3ReadsWithoutChangingAnything() {
    long inNewBefore = before.entrySet().stream().filter(e -> e.getKey().startsWith(POP_USER) && e.getValue().place().equals("new")).count();
    Cases.expect(SUITE, "read-only POP3", server("POP3S"), "nothing: 9 messages, 3 in new/", Cases.HEALTHY,
        Cases.mail("pop3", dovecot.host(), dovecot.pop3sPort(), "ssl", POP_USER, Jwts.valid(POP_USER)));
    long moved = all().entrySet().stream().filter(e -> e.getKey().startsWith(POP_USER)
        && !e.getValue().place().equals(before.get(e.getKey()).place())).count();
    RealPeersTable.note("POP3 read-only case: Dovecot moved " + moved + " of " + inNewBefore
        + " messages from new/ to cur/ at the POP3 login (its own doing when a POP3 session opens the mailbox; flags and UIDs "
        + "unchanged; maildiag sent only AUTH, STAT and QUIT)");
  }

  @Test
  void folderMissing() {
    Cases.expect(SUITE, "folder missing", server("IMAPS"), "--folder Posteingang, which does not exist", "inbox-folder-missing",
        folder("Posteingang"));
  }

  @Test
  void folderCase() {
    Diagnosis d = Cases.expect(SUITE, "folder name in the wrong case", server("IMAPS"), "--folder support; the server has Support",
        "inbox-folder-missing", folder("support"));
    assertThat(d.finding("mailbox.folder").toString()).contains("Support");
  }

  private static java.util.List<String> folder(String name) {
    java.util.List<String> args = new java.util.ArrayList<>(
        Cases.mail("imap", dovecot.host(), dovecot.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    args.addAll(java.util.List.of("--folder", name));
    return args;
  }

  @Test
  void floodedOverImap() {
    Diagnosis d = Cases.expect(SUITE, "flooded INBOX (20,000 messages) over IMAP", server("IMAPS"), FLOOD + " messages in INBOX",
        "inbox-flooded", Cases.mail("imap", dovecot.host(), dovecot.imapsPort(), "ssl", FLOOD_USER, Jwts.valid(FLOOD_USER)));
    RealPeersTable.note("Folder check cost over IMAP (EXAMINE, message count from its answer): "
        + d.finding("mailbox.folder").path("durationMillis").asLong() + " ms for " + FLOOD + " messages");
  }

  @Test
  void floodedOverPop3() {
    Diagnosis d = Cases.expect(SUITE, "flooded mailbox (20,000 messages) over POP3", server("POP3S"), FLOOD + " messages",
        "inbox-flooded", Cases.mail("pop3", dovecot.host(), dovecot.pop3sPort(), "ssl", FLOOD_USER, Jwts.valid(FLOOD_USER)));
    RealPeersTable.note("Folder check cost over POP3 (STAT): " + d.finding("mailbox.folder").path("durationMillis").asLong()
        + " ms for " + FLOOD + " messages; the POP3 login itself (Dovecot opening and indexing the mailbox) took "
        + d.finding("oauth.xoauth2").path("durationMillis").asLong() + " ms");
  }

  @Test
  void folderCheckCostOfASmallFolder() {
    Diagnosis d = Cases.expect(SUITE, "folder check of a small INBOX", server("IMAPS"), "nothing: 9 messages", Cases.HEALTHY,
        Cases.mail("imap", dovecot.host(), dovecot.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    RealPeersTable.note("Folder check cost over IMAP for 9 messages: " + d.finding("mailbox.folder").path("durationMillis").asLong() + " ms");
  }

  /** The handler's own failing logins from this address make Dovecot delay the next ones (auth penalty, up to 15 s). */
  @Test
  void loginsAfterEarlierFailures() throws Exception {
    for (int i = 0; i < 3; i++) {
      handlerLogsInWith(Jwts.expired(RealDovecot.USER));
    }
    Cases.expect(SUITE, "login after 3 failed logins from the same address", server("IMAPS"),
        "the handler failed 3 times just before; the token is valid", "throttled",
        Cases.mail("imap", dovecot.host(), dovecot.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
  }

  /** A mail handler (Angus Mail, as Jira's is) logging in with a token the server refuses. */
  private static void handlerLogsInWith(String token) throws MessagingException {
    Properties p = new Properties();
    p.setProperty("mail.imap.auth.mechanisms", "XOAUTH2");
    p.setProperty("mail.imap.timeout", "20000");
    Store store = Session.getInstance(p).getStore("imap");
    try {
      store.connect(dovecot.host(), dovecot.imapPort(), RealDovecot.USER, token);
      store.close();
      throw new AssertionError("the server accepted a token it should refuse");
    } catch (AuthenticationFailedException expected) {
      // what the handler's log would show
    }
  }

  @Test
  void xoauth2NotOffered() {
    try (RealDovecot plainOnly = RealDovecot.start(Cases.work("dovecot-plain"), RealDovecot.Setup.standard().mechanisms("plain login"))) {
      Cases.expect(SUITE, "XOAUTH2 not offered", server("IMAPS with auth_mechanisms = plain login"), "no XOAUTH2 mechanism",
          "xoauth2-not-offered",
          Cases.mail("imap", plainOnly.host(), plainOnly.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    }
  }

  @Test
  void imapDeniedForOneUser() {
    try (RealDovecot denied = RealDovecot.start(Cases.work("dovecot-denied"),
        RealDovecot.Setup.standard().deny("imap", RealDovecot.USER))) {
      java.util.List<String> args = new java.util.ArrayList<>(
          Cases.mail("imap", denied.host(), denied.imapsPort(), "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
      // the handler's JVM knows the mailbox's POP3 endpoint too
      args.addAll(java.util.List.of("-Dmail.pop3s.host=" + denied.host(), "-Dmail.pop3s.port=" + denied.pop3sPort()));
      Cases.expect(SUITE, "IMAP denied for one user, POP3 allowed", server("IMAPS (passdb deny for imap)"),
          "the user may not use IMAP; the token is valid", "protocol-disabled", args);
    }
  }

  @Test
  void submissionRelayDown() {
    try (RealDovecot relayDown = RealDovecot.start(Cases.work("dovecot-relay"), RealDovecot.Setup.standard())) {
      Cases.expect(SUITE, "submission's relay is down", server("submission, relay port closed"),
          "the server's own upstream relay refuses", "server-failure",
          Cases.mail("smtp", relayDown.host(), relayDown.submissionPort(), "starttls", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    }
  }
}
