package dev.maildiag.cli;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Sets up the JDK's TLS on a second thread while a check that connects parses its settings and starts. In a JVM
 * that has just started, the first TLS context takes some 15 ms to build its tables of protocols and cipher suites,
 * and the first certificate chain checked has the JDK read its own list of CAs (cacerts, about 20 ms): without this,
 * a short-lived check pays both on its one connection's critical path. Nothing made here connects or trusts anything.
 */
final class TlsWarmUp {
  private TlsWarmUp() {}

  /** Starts, when the arguments run a check that may connect; says whether it did. */
  static boolean start(String[] args) {
    String command = null; // the first argument that is no option, as the parser takes it
    boolean ownTrustStore = false;
    for (String arg : args) {
      if (arg.equals("--offline") || arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
        return false;
      }
      if (command == null && !arg.startsWith("-")) {
        command = arg;
      }
      ownTrustStore |= arg.contains("javax.net.ssl.trustStore=");
    }
    if (!"check".equals(command)) {
      return false;
    }
    boolean jvmDefaultTrust = !ownTrustStore;
    Thread thread = new Thread(() -> warmUp(jvmDefaultTrust), "maildiag-tls-warm-up");
    thread.setDaemon(true);
    thread.start();
    return true;
  }

  private static void warmUp(boolean jvmDefaultTrust) {
    try {
      // no trust managers: the JDK's own trust-nothing one, so that this neither reads a store nor trusts anything
      SSLContext.getInstance("TLS").init(null, new TrustManager[0], null);
      if (jvmDefaultTrust) {
        // the JVM's default trust store, read once per JVM, which the diagnosis then uses
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
      }
      // the CAs the JDK checks every chain's anchor against (for its SHA-1 restrictions), read on first use
      Class.forName("sun.security.util.AnchorCertificates", true, null);
    } catch (GeneralSecurityException | ClassNotFoundException | LinkageError | RuntimeException e) {
      // a JVM without these parts: the diagnosis sets them up itself, and says what fails
    }
  }
}
