package dev.maildiag.cli;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Sets up the JDK's TLS on a second thread while a check that connects parses its settings and starts. In a JVM
 * that has just started, the first TLS context takes some 15 ms to build its tables of protocols and cipher suites,
 * and the first certificate chain checked has the JDK read its own list of CAs (cacerts, about 20 ms): without this,
 * a short-lived check pays both on its one connection's critical path. Nothing made here connects or trusts anything.
 */
final class TlsWarmUp {
  /** Longest a command waits at its end for a warm-up still running (the JDK's CA file on a hung file system). */
  private static final long FINISH_MILLIS = 5_000;
  private static final TlsWarmUp NONE = new TlsWarmUp(null);

  private final Thread thread;

  private TlsWarmUp(Thread thread) {
    this.thread = thread;
  }

  /** Starts, when the arguments run a check that may connect. */
  static TlsWarmUp start(String[] args) {
    if (!"check".equals(Main.commandName(args))) {
      return NONE;
    }
    for (String arg : args) {
      if (arg.equals("--offline") || arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
        return NONE;
      }
    }
    Thread thread = new Thread(TlsWarmUp::warmUp, "maildiag-tls-warm-up");
    thread.setDaemon(true);
    thread.start();
    return new TlsWarmUp(thread);
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
      // the CAs the JDK checks every chain's anchor against (for its SHA-1 restrictions), read on first use
      Class.forName("sun.security.util.AnchorCertificates", true, null);
    } catch (GeneralSecurityException | ClassNotFoundException | LinkageError | RuntimeException e) {
      // a JVM without these parts: the diagnosis sets them up itself, and says what fails
    }
  }
}
