package dev.maildiag.realpeers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IMAPS to a real Dovecot behind real iptables rules on loopback, and to a port nobody listens on. */
class FirewallTest {
  private static final String SUITE = "firewall";
  private static RealDovecot dovecot;
  private final Firewall firewall = new Firewall();

  @BeforeAll
  static void start() {
    Cases.assumeAvailable(SUITE, Firewall.unavailable().or(RealDovecot::unavailable));
    dovecot = RealDovecot.start(Cases.work("firewall-dovecot"), RealDovecot.Setup.standard());
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  @AfterEach
  void removeRules() {
    firewall.close();
  }

  private static String server(String rule) {
    return Firewall.version() + " (" + rule + "), " + RealDovecot.version() + " IMAPS";
  }

  private static void imaps(String name, String server, String broken, int port) {
    imaps(name, server, broken, port, "network-blocked");
  }

  private static void imaps(String name, String server, String broken, int port, String expected) {
    Cases.expect(SUITE, name, server, broken, expected,
        Cases.mail("imap", dovecot.host(), port, "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
  }

  @Test
  void portRefused() {
    imaps("port refused", "nothing listening", "nothing listens on the port", Loopback.freePort());
  }

  @Test
  void synDropped() {
    firewall.dropSyn(dovecot.imapsPort());
    imaps("SYN dropped", server("-j DROP --syn"), "a firewall drops the connection attempt", dovecot.imapsPort());
  }

  @Test
  void rejectedPortUnreachable() {
    firewall.reject(dovecot.imapsPort(), "icmp-port-unreachable");
    imaps("rejected (port unreachable)", server("-j REJECT icmp-port-unreachable"), "a firewall rejects the connection", dovecot.imapsPort());
  }

  @Test
  void rejectedHostUnreachable() {
    firewall.reject(dovecot.imapsPort(), "icmp-host-unreachable");
    imaps("unreachable (host unreachable)", server("-j REJECT icmp-host-unreachable"), "a firewall answers host unreachable",
        dovecot.imapsPort());
  }

  /**
   * Looks exactly like a server that takes the connection and never answers (the hostile-peer suite's silent
   * server): both are named "something other than a mail server holds the port", the firewall as the alternative,
   * and the finding says what tells them apart.
   */
  @Test
  void droppedAfterConnect() {
    firewall.dropAfterConnect(dovecot.imapsPort());
    imaps("dropped after connect", server("-m conntrack --ctstate ESTABLISHED -j DROP"),
        "a firewall lets the SYN through and drops the rest", dovecot.imapsPort(), "not-a-mail-server");
  }
}
