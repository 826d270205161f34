package dev.maildiag.cli;

import dev.maildiag.api.internal.net.LibraryLogs;
import jakarta.mail.Session;
import java.security.GeneralSecurityException;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Sets up, on a second thread while a check that connects parses its settings and starts, what its one connection
 * would otherwise set up on its critical path in a JVM that has just started: the JDK's TLS (the first TLS context
 * takes some 15 ms to build its tables of protocols and cipher suites, and the first certificate chain checked has
 * the JDK read its own list of CAs, cacerts, about 20 ms) and Jakarta Mail's list of providers (reading their
 * annotations makes the JDK generate proxy classes: some 5 ms of the login). Nothing made here connects, trusts
 * anything or logs in.
 */
final class ConnectionWarmUp {
  /** Longest a command waits at its end for a warm-up still running (the JDK's CA file on a hung file system). */
  private static final long FINISH_MILLIS = 5_000;
  private static final ConnectionWarmUp NONE = new ConnectionWarmUp(null);

  private final Thread thread;

  private ConnectionWarmUp(Thread thread) {
    this.thread = thread;
  }

  /** Starts, when the arguments run a check that may connect. */
  static ConnectionWarmUp start(String[] args) {
    if (!"check".equals(Main.commandName(args))) {
      return NONE;
    }
    for (String arg : args) {
      if (arg.equals("--offline") || arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
        return NONE;
      }
    }
    Thread thread = new Thread(ConnectionWarmUp::warmUp, "maildiag-warm-up");
    thread.setDaemon(true);
    thread.start();
    return new ConnectionWarmUp(thread);
  }

  /** Whether a warm-up was started. */
  boolean started() {
    return thread != null;
  }

  /**
   * Waits for the warm-up to end, so that no command leaves work running behind it in a JVM that goes on (tests and
   * tools that run the command line in-process, and change the JVM's settings between runs).
   */
  void finish() {
    if (thread == null) {
      return;
    }
    try {
      thread.join(FINISH_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void warmUp() {
    try {
      // no trust managers: the JDK's own trust-nothing one, so that this neither reads a store nor trusts anything
      SSLContext.getInstance("TLS").init(null, new TrustManager[0], null);
      // the CAs the JDK compares every chain's anchor with (for its host-name and SHA-1 rules), read on first use
      Class.forName("sun.security.util.AnchorCertificates", true, null);
      // a session of no settings: it only reads the providers (IMAP, POP3, SMTP) that every session starts from
      LibraryLogs.guard();
      Session.getInstance(new Properties());
    } catch (GeneralSecurityException | ClassNotFoundException | LinkageError | RuntimeException e) {
      // a JVM without these parts: the diagnosis sets them up itself, and says what fails
    }
  }
}
