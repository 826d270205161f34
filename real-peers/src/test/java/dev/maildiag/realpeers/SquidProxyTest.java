package dev.maildiag.realpeers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IMAPS through a real Squid (-Dmail.imaps.proxy.*, as a handler is configured): a proxy that tunnels, refuses
 * (403), wants credentials (407), cannot reach the port or resolve the name behind it, or whose DNS never answers.
 */
class SquidProxyTest {
  private static final String SUITE = "squid-proxy";
  private static RealDovecot dovecot;
  private static DnsServer nxdomain;
  private RealSquid squid;
  private DnsServer silentDns;

  @BeforeAll
  static void start() {
    Cases.assumeAvailable(SUITE, RealSquid.unavailable().or(RealDovecot::unavailable));
    dovecot = RealDovecot.start(Cases.work("squid-dovecot"), RealDovecot.Setup.standard());
    nxdomain = DnsServer.start(78, false);
  }

  @AfterAll
  static void stop() {
    if (dovecot != null) {
      dovecot.close();
    }
    if (nxdomain != null) {
      nxdomain.close();
    }
  }

  @AfterEach
  void stopSquid() {
    if (squid != null) {
      squid.close();
    }
    if (silentDns != null) {
      silentDns.close();
    }
  }

  private RealSquid squid(RealSquid.Policy policy) {
    squid = RealSquid.start(Cases.work("squid"), policy, nxdomain, Duration.ofSeconds(30));
    return squid;
  }

  private List<String> imaps(String host, int port, List<String> proxyFlags) {
    List<String> args = new ArrayList<>(Cases.mail("imap", host, port, "ssl", RealDovecot.USER, Jwts.valid(RealDovecot.USER)));
    args.addAll(proxyFlags);
    return args;
  }

  private static String server(String what) {
    return RealSquid.version() + " " + what + ", " + RealDovecot.version() + " IMAPS behind it";
  }

  @Test
  void tunnels() {
    RealSquid s = squid(RealSquid.Policy.ALLOW);
    Cases.expect(SUITE, "proxy tunnels", server("allowing CONNECT"), "nothing", Cases.HEALTHY,
        imaps(dovecot.host(), dovecot.imapsPort(), s.mailProxyFlags("imaps", null, null)));
  }

  @Test
  void refuses() {
    RealSquid s = squid(RealSquid.Policy.DENY);
    Cases.expect(SUITE, "proxy refuses (403)", server("denying CONNECT"), "the proxy's policy", "proxy-blocking",
        imaps(dovecot.host(), dovecot.imapsPort(), s.mailProxyFlags("imaps", null, null)));
  }

  @Test
  void wantsCredentials() {
    RealSquid s = squid(RealSquid.Policy.BASIC_AUTH);
    Cases.expect(SUITE, "proxy wants credentials (407)", server("with Basic auth"), "no proxy credentials", "proxy-blocking",
        imaps(dovecot.host(), dovecot.imapsPort(), s.mailProxyFlags("imaps", null, null)));
  }

  @Test
  void wrongProxyPassword() {
    RealSquid s = squid(RealSquid.Policy.BASIC_AUTH);
    Cases.expect(SUITE, "wrong proxy password (407)", server("with Basic auth"), "wrong proxy password", "proxy-blocking",
        imaps(dovecot.host(), dovecot.imapsPort(), s.mailProxyFlags("imaps", RealSquid.USER, "not-the-password")));
  }

  @Test
  void rightProxyPassword() {
    RealSquid s = squid(RealSquid.Policy.BASIC_AUTH);
    Cases.expect(SUITE, "right proxy password", server("with Basic auth"), "nothing", Cases.HEALTHY,
        imaps(dovecot.host(), dovecot.imapsPort(), s.mailProxyFlags("imaps", RealSquid.USER, RealSquid.PASSWORD)));
  }

  @Test
  void portRefusedBehindTheProxy() {
    RealSquid s = squid(RealSquid.Policy.ALLOW);
    Cases.expect(SUITE, "mail port refuses behind the proxy (503)", server("allowing CONNECT"), "nothing listens on the mail port",
        "network-blocked", imaps("127.0.0.1", Loopback.freePort(), s.mailProxyFlags("imaps", null, null)));
  }

  @Test
  void nameUnresolvableAtTheProxy() {
    RealSquid s = squid(RealSquid.Policy.ALLOW);
    // "localhost" resolves here (/etc/hosts) but not at the proxy, whose DNS says NXDOMAIN
    Cases.expect(SUITE, "proxy cannot resolve the mail host", server("whose DNS says NXDOMAIN"), "the name does not resolve at the proxy",
        "dns-failure", imaps("localhost", dovecot.imapsPort(), s.mailProxyFlags("imaps", null, null)));
  }

  @Test
  void proxyDnsNeverAnswers() {
    silentDns = DnsServer.start(79, true);
    squid = RealSquid.start(Cases.work("squid"), RealSquid.Policy.ALLOW, silentDns, Duration.ofSeconds(60));
    Cases.expect(SUITE, "proxy whose DNS never answers", server("whose DNS is silent"), "the proxy's DNS server never answers",
        "proxy-blocking", imaps("localhost", dovecot.imapsPort(), squid.mailProxyFlags("imaps", null, null)));
  }
}
