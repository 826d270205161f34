package dev.maildiag.cli;

import dev.maildiag.api.internal.net.TlsTrust;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens the trust store that a command line names with {@code -Djavax.net.ssl.trustStore} on a second thread from
 * the start. A password-protected PKCS12 store takes tens of milliseconds to open in a JVM that has just started
 * (its key derivation runs before any code is compiled), longer than the parser takes to start and the diagnosis to
 * reach its first TLS handshake. The settings then take the store read here when they name the same store, type and
 * password, and read it themselves otherwise.
 */
final class TrustStorePreload {
  private static final String[] KEYS = {
      "javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStorePassword"};

  private static volatile Opening opening;

  private TrustStorePreload() {}

  /** Starts opening the store the arguments name, if they name one. */
  static void start(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String property = args[i].equals("-D") && i + 1 < args.length ? args[++i]
          : args[i].startsWith("-D") ? args[i].substring(2) : null;
      int eq = property == null ? -1 : property.indexOf('=');
      if (eq > 0) {
        given.put(property.substring(0, eq).strip(), property.substring(eq + 1).strip());
      }
    }
    if (!given.containsKey(KEYS[0])) {
      opening = null;
      return;
    }
    Properties properties = new Properties();
    properties.putAll(System.getProperties());
    properties.putAll(given);
    Opening started = new Opening(trustSettings(properties));
    Thread thread = new Thread(() -> {
      try {
        started.trust.complete(TlsTrust.fromTrustStoreProperty(properties));
      } catch (RuntimeException | Error e) {
        started.trust.completeExceptionally(e);
      }
    }, "maildiag-trust-store");
    thread.setDaemon(true);
    thread.start();
    opening = started;
  }

  /**
   * The trust that these properties give, as {@link TlsTrust#fromTrustStoreProperty} reads it. The store this class
   * opens comes back at once, as a trust that waits for it when a certificate is to be checked
   * ({@link TlsTrust#reading}): a diagnosis starts while the store is still being read, and {@link #confirm()} says
   * afterwards whether it could be read.
   *
   * @throws IllegalArgumentException when another store, read here, cannot be read
   */
  static Optional<TlsTrust> trust(Properties properties) {
    Opening started = opening;
    if (started != null && started.settings.equals(trustSettings(properties))) {
      String path = TlsTrust.trustStoreNamed(properties);
      if (path == null) {
        return Optional.empty();
      }
      return Optional.of(started.handOut(path));
    }
    return TlsTrust.fromTrustStoreProperty(properties);
  }

  /**
   * Done when the store handed out by {@link #trust} has been read, or could not be: until then nothing may be
   * printed that a usage error about the store would have to take back. Done at once when none was handed out.
   */
  static CompletableFuture<?> read() {
    Opening started = opening;
    return started != null && started.handedOut ? started.trust : CompletableFuture.completedFuture(null);
  }

  /**
   * Waits for the store handed out by {@link #trust}, if any.
   *
   * @throws IllegalArgumentException when it could not be read
   */
  static void confirm() {
    Opening started = opening;
    if (started != null && started.handedOut) {
      started.read();
    }
  }

  private static Map<String, String> trustSettings(Properties properties) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String key : KEYS) {
      settings.put(key, properties.getProperty(key));
    }
    return settings;
  }

  // a plain class, not a record: its settings hold the store's password, which no toString() may show
  private static final class Opening {
    final Map<String, String> settings;
    final CompletableFuture<Optional<TlsTrust>> trust = new CompletableFuture<>();
    private TlsTrust reading;
    volatile boolean handedOut;

    Opening(Map<String, String> settings) {
      this.settings = settings;
    }

    /** The same trust for every caller, which waits for the store being read. */
    synchronized TlsTrust handOut(String path) {
      if (reading == null) {
        reading = TlsTrust.reading(TlsTrust.describe(path), () -> read().orElseThrow());
        handedOut = true;
      }
      return reading;
    }

    /** The store's trust, once read. */
    Optional<TlsTrust> read() {
      try {
        return trust.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
  }
}
