package dev.maildiag.realpeers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real Squid as a CONNECT proxy on loopback, resolving names only through the test's {@link DnsServer}. */
final class RealSquid implements AutoCloseable {
  static final String USER = "handler";
  static final String PASSWORD = "proxy-pass-7";

  enum Policy {
    /** tunnels to anything */
    ALLOW,
    /** refuses every CONNECT (403) */
    DENY,
    /** tunnels for {@link #USER} with {@link #PASSWORD} only (407 otherwise) */
    BASIC_AUTH
  }

  private final Path dir;
  private final int port;
  private final Process process;

  private RealSquid(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  static Optional<String> unavailable() {
    if (!Loopback.installed("squid")) {
      return Optional.of("Squid is not installed (apt-get install squid)");
    }
    if (!Loopback.isRoot()) {
      return Optional.of("Squid, and the DNS server the test gives it on port 53, must start as root");
    }
    return Optional.empty();
  }

  static RealSquid start(Path dir, Policy policy, DnsServer dns, Duration dnsTimeout) {
    return Loopback.onFreePorts(() -> startOn(Loopback.freePort(), dir, policy, dns, dnsTimeout));
  }

  private static RealSquid startOn(int port, Path dir, Policy policy, DnsServer dns, Duration dnsTimeout) {
    try {
      String auth = "";
      String access = "http_access allow CONNECT all";
      if (policy == Policy.BASIC_AUTH) {
        String hash = Loopback.run("openssl", "passwd", "-apr1", PASSWORD).output();
        Files.writeString(dir.resolve("passwd"), USER + ":" + hash + "\n");
        auth = "auth_param basic program /usr/lib/squid/basic_ncsa_auth " + dir.resolve("passwd") + "\n"
            + "auth_param basic realm maildiag-real-peers\nacl users proxy_auth REQUIRED";
        access = "http_access allow CONNECT users";
      } else if (policy == Policy.DENY) {
        access = "";
      }
      String conf;
      try (InputStream in = RealSquid.class.getResourceAsStream("squid.conf")) {
        conf = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      conf = conf.replace("@PORT@", Integer.toString(port)).replace("@DIR@", dir.toString())
          .replace("@DNS@", dns.address()).replace("@DNS_TIMEOUT@", Long.toString(dnsTimeout.toSeconds()))
          .replace("@AUTH@", auth).replace("@ACCESS@", access);
      Files.writeString(dir.resolve("squid.conf"), conf);
      Loopback.run("chown", "-R", "proxy:proxy", dir.toString());
      Process p = new ProcessBuilder("squid", "-N", "-f", dir.resolve("squid.conf").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("squid.stdout").toFile()).start();
      try {
        Loopback.awaitListening("127.0.0.1", port, Duration.ofSeconds(20));
      } catch (IllegalStateException e) {
        p.destroyForcibly();
        throw new IllegalStateException(e.getMessage() + "; squid says: " + Files.readString(dir.resolve("squid.stdout")), e);
      }
      return new RealSquid(dir, port, p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /** "Squid 5.7" */
  static String version() {
    String v = Loopback.run("squid", "-v").output().lines().findFirst().orElse("");
    return v.replace("Squid Cache: Version ", "Squid ");
  }

  /** The -D flags that send a handler's IMAPS (or POP3S, ...) connection through this proxy. */
  java.util.List<String> mailProxyFlags(String jakartaProtocol, String user, String password) {
    java.util.List<String> flags = new java.util.ArrayList<>(java.util.List.of(
        "-Dmail." + jakartaProtocol + ".proxy.host=127.0.0.1", "-Dmail." + jakartaProtocol + ".proxy.port=" + port));
    if (user != null) {
      flags.add("-Dmail." + jakartaProtocol + ".proxy.user=" + user);
      flags.add("-Dmail." + jakartaProtocol + ".proxy.password=" + password);
    }
    return flags;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
