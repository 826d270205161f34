package dev.maildiag.realpeers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot 2.3 (IMAP, POP3, submission) on loopback, started in the foreground by this JVM with its own
 * configuration directory, accepting XOAUTH2 / OAUTHBEARER tokens from {@link Jwts} through its oauth2 passdb
 * with local JWT validation. Every user has a maildir. Reusable outside the suite:
 * <pre>
 * try (RealDovecot dovecot = RealDovecot.start(dir, RealDovecot.Setup.standard())) {
 *   String token = Jwts.valid("alice@example.test");   // accepted on dovecot.imapsPort() etc.
 * }
 * </pre>
 */
public final class RealDovecot implements AutoCloseable {
  public static final String USER = "alice@example.test";
  private static final String MAIL_UID = "nobody";
  private static final String MAIL_GID = "nogroup";

  private final Path dir;
  private final Setup setup;
  private final Map<String, Integer> ports;
  private final SmtpRelay relay;
  private Process master;

  /**
   * How this Dovecot is set up.
   *
   * @param certificate the certificate its TLS ports show
   * @param mechanisms {@code auth_mechanisms}
   * @param failureDelay {@code auth_failure_delay} (Dovecot's default is 2 s)
   * @param denied users refused on one service ({@code imap}, {@code pop3}, {@code submission}) only
   * @param relayPort where submission relays to: {@link #WORKING_RELAY} for a relay started with it, else a port
   *     nobody answers ("relay down")
   * @param listen the address it listens on
   */
  public record Setup(PemFiles.ServerCert certificate, String mechanisms, Duration failureDelay,
      Map<String, List<String>> denied, int relayPort, String listen) {
    /** A relay (GreenMail's SMTP) started and stopped with Dovecot, so that submission works. */
    public static final int WORKING_RELAY = -1;

    public static Setup standard() {
      return new Setup(PemFiles.ServerCert.LOCALHOST, "xoauth2 oauthbearer", Duration.ofSeconds(2), Map.of(), 0, "127.0.0.1");
    }

    Setup withWorkingRelay() {
      return relayPort(WORKING_RELAY);
    }

    Setup certificate(PemFiles.ServerCert c) {
      return new Setup(c, mechanisms, failureDelay, denied, relayPort, listen);
    }

    Setup mechanisms(String m) {
      return new Setup(certificate, m, failureDelay, denied, relayPort, listen);
    }

    Setup deny(String service, String user) {
      Map<String, List<String>> d = new LinkedHashMap<>(denied);
      d.put(service, List.of(user));
      return new Setup(certificate, mechanisms, failureDelay, d, relayPort, listen);
    }

    Setup relayPort(int port) {
      return new Setup(certificate, mechanisms, failureDelay, denied, port, listen);
    }

    Setup listen(String address) {
      return new Setup(certificate, mechanisms, failureDelay, denied, relayPort, address);
    }
  }

  private RealDovecot(Path dir, Setup setup, Map<String, Integer> ports, SmtpRelay relay) {
    this.dir = dir;
    this.setup = setup;
    this.ports = ports;
    this.relay = relay;
  }

  /** Why a real Dovecot cannot run here, or empty when it can. */
  public static Optional<String> unavailable() {
    if (!Loopback.installed("dovecot") || !Loopback.installed("doveadm")) {
      return Optional.of("Dovecot is not installed (apt-get install dovecot-imapd dovecot-pop3d dovecot-submissiond)");
    }
    if (!Files.isExecutable(Path.of("/usr/lib/dovecot/submission")) || !Files.isExecutable(Path.of("/usr/lib/dovecot/pop3"))) {
      return Optional.of("Dovecot's POP3 or submission service is not installed (dovecot-pop3d, dovecot-submissiond)");
    }
    if (!Loopback.isRoot()) {
      return Optional.of("Dovecot's master process must start as root to run its login processes as other users");
    }
    return Optional.empty();
  }

  /** Writes the configuration under {@code dir}, starts Dovecot and waits until it listens. */
  public static RealDovecot start(Path dir, Setup setup) {
    return Loopback.onFreePorts(() -> {
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (String p : List.of("imap", "imaps", "pop3", "pop3s", "submission")) {
        ports.put(p, Loopback.freePort());
      }
      SmtpRelay relay = setup.relayPort() == Setup.WORKING_RELAY ? SmtpRelay.start() : null;
      ports.put("relay", relay != null ? relay.port() : setup.relayPort() == 0 ? Loopback.freePort() : setup.relayPort());
      RealDovecot d = new RealDovecot(dir.toAbsolutePath(), setup, ports, relay);
      try {
        d.configure();
        d.startMaster();
        return d;
      } catch (IOException e) {
        d.close();
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        d.close();
        throw e;
      }
    });
  }

  private void configure() throws IOException {
    Files.createDirectories(dir.resolve("run"));
    Files.createDirectories(dir.resolve("home"));
    Path keys = Files.createDirectories(dir.resolve("keys/default/HS256"));
    Files.writeString(keys.resolve("default"), Jwts.dovecotKey());
    for (String service : List.of("imap", "pop3", "submission")) {
      List<String> users = setup.denied().getOrDefault(service, List.of());
      Files.write(dir.resolve("deny-" + service), users.stream().map(u -> u + ":::::::").toList());
    }
    PemFiles.write(setup.certificate(), dir);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("DIR", dir.toString());
    values.put("INSTANCE", Integer.toString(ports.get("imap")));
    values.put("LISTEN", setup.listen());
    values.put("MECHANISMS", setup.mechanisms());
    values.put("FAILURE_DELAY", setup.failureDelay().toMillis() + " msecs");
    values.put("UID", MAIL_UID);
    values.put("GID", MAIL_GID);
    values.put("IMAP", ports.get("imap").toString());
    values.put("IMAPS", ports.get("imaps").toString());
    values.put("POP3", ports.get("pop3").toString());
    values.put("POP3S", ports.get("pop3s").toString());
    values.put("SUBMISSION", ports.get("submission").toString());
    values.put("RELAY", ports.get("relay").toString());
    Files.writeString(config(), fill("dovecot.conf", values));
    Files.writeString(dir.resolve("oauth2.conf"), fill("oauth2.conf", values));
    chownToMailUser(dir.resolve("home"));
  }

  private void startMaster() {
    try {
      master = new ProcessBuilder("dovecot", "-F", "-c", config().toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.stdout").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start dovecot", e);
    }
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        Loopback.awaitListening(setup.listen(), ports.get("submission"), Duration.ofMillis(250));
        return;
      } catch (IllegalStateException e) {
        // a master that could not listen has exited already: no need to wait out the 15 s
        if (!master.isAlive() || System.nanoTime() > end) {
          throw new IllegalStateException(setup.listen() + ":" + ports.get("submission") + " is not listening"
              + (master.isAlive() ? " after 15 s" : ", dovecot exited") + "; dovecot says: "
              + read(dir.resolve("dovecot.stdout")) + read(log()), e);
        }
      }
    }
  }

  /**
   * Restarts Dovecot: its anvil forgets the failed logins of earlier cases, which would otherwise delay
   * every later login from 127.0.0.1 by up to 15 s (a case of its own, not a side effect of others).
   */
  public void forgetFailures() {
    stopMaster();
    startMaster();
  }

  public String host() {
    return setup.listen();
  }

  public int imapPort() { return ports.get("imap"); }
  public int imapsPort() { return ports.get("imaps"); }
  public int pop3Port() { return ports.get("pop3"); }
  public int pop3sPort() { return ports.get("pop3s"); }
  public int submissionPort() { return ports.get("submission"); }
  public int relayPort() { return ports.get("relay"); }

  public Path config() {
    return dir.resolve("dovecot.conf");
  }

  public Path log() {
    return dir.resolve("dovecot.log");
  }

  /** The user's maildir (created with the first message or login). */
  public Path maildir(String user) {
    return dir.resolve("home").resolve(user).resolve("Maildir");
  }

  /** "Dovecot 2.3.19.1" */
  public static String version() {
    String v = Loopback.run("dovecot", "--version").output();
    return "Dovecot " + (v.contains(" ") ? v.substring(0, v.indexOf(' ')) : v);
  }

  /** Runs doveadm as the server's own tool (e.g. to index a mailbox it was handed), as the user. */
  public Loopback.Result doveadm(String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("doveadm", "-c", config().toString()));
    cmd.addAll(List.of(args));
    return Loopback.run(cmd.toArray(String[]::new));
  }

  /** Hands the mail user the files written as root (seeded messages). */
  public void chownToMailUser(Path path) {
    Loopback.Result r = Loopback.run("chown", "-R", MAIL_UID + ":" + MAIL_GID, path.toString());
    if (!r.ok()) {
      throw new IllegalStateException("chown failed: " + r.output());
    }
  }

  /** Dovecot's log from {@code offset} on (auth_verbose / auth_debug: the real reasons of refusals). */
  public String logSince(long offset) {
    String all = read(log());
    return offset >= all.length() ? "" : all.substring((int) offset);
  }

  public long logLength() {
    return read(log()).length();
  }

  private void stopMaster() {
    if (master == null) {
      return;
    }
    master.destroy();
    try {
      if (!master.waitFor(10, TimeUnit.SECONDS)) {
        master.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    master = null;
  }

  @Override
  public void close() {
    stopMaster();
    if (relay != null) {
      relay.close();
    }
  }

  private static String fill(String resource, Map<String, String> values) throws IOException {
    String text;
    try (InputStream in = RealDovecot.class.getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace("@" + e.getKey() + "@", e.getValue());
    }
    return text;
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Starts one Dovecot and prints where it listens and a valid token, until Enter is pressed. */
  public static void main(String[] args) throws IOException {
    // Dovecot's own users must reach its files, as under target/ in the tests: not a 0700 temporary folder
    Path dir = Files.createTempDirectory("maildiag-dovecot",
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
    try (RealDovecot d = start(dir, Setup.standard())) {
      System.out.printf("Dovecot on %s: imap %d, imaps %d, pop3 %d, pop3s %d, submission %d%nuser %s%ntoken %s%n",
          d.host(), d.imapPort(), d.imapsPort(), d.pop3Port(), d.pop3sPort(), d.submissionPort(), USER, Jwts.valid(USER));
      System.in.read();
    }
  }
}
