package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.internal.Lazy;
import dev.maildiag.api.spi.Key;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates that maildiag trusts: the JVM's default trust store unless a caller (or a test with its
 * own CA) puts another one into the context with {@link #ATTRIBUTE}. There is deliberately no trust-all.
 */
public final class TlsTrust {
  /** A context attribute replacing the JVM's default trust, e.g. with a test CA. */
  public static final Key<TlsTrust> ATTRIBUTE = Key.of("maildiag.tlsTrust", TlsTrust.class);

  private final X509TrustManager trustManager;
  // made when a connection first needs it: a command line that names its trust store starts without waiting for TLS
  private final Lazy<SSLContext> sslContext;
  private final String description;

  private TlsTrust(X509TrustManager trustManager, String description) {
    this.trustManager = trustManager;
    this.description = description;
    this.sslContext = Lazy.of(() -> sslContext(trustManager));
  }

  private static SSLContext sslContext(X509TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** The JVM's default trust store (cacerts, or javax.net.ssl.trustStore). */
  public static TlsTrust jvmDefault() {
    return new TlsTrust(trustManager(null), jvmTrustStoreDescription());
  }

  /**
   * The trust of a store still being read on another thread: a password-protected PKCS12 store takes tens of
   * milliseconds of key derivation in a JVM that has just started. A TLS handshake with this trust starts at once
   * and waits for the store only when it checks the server's certificate; a store that could not be read fails
   * that check, and {@link #trustManager()}'s every use, with the reading's exception as the cause.
   *
   * @param description which store this is, as {@link #description()} says it
   * @param store the store's trust when read; throws when the store cannot be read
   */
  public static TlsTrust reading(String description, Supplier<TlsTrust> store) {
    return new TlsTrust(new StoreBeingRead(store), description);
  }

  /** Trusts exactly the certificates in {@code trustStore}. */
  public static TlsTrust of(KeyStore trustStore, String description) {
    return new TlsTrust(trustManager(trustStore), description);
  }

  /**
   * The trust that {@code javax.net.ssl.trustStore} (with {@code trustStoreType} and {@code trustStorePassword})
   * in {@code properties} gives a handler, or empty when the property is not set. The JVM reads these system
   * properties once, at its first TLS connection; a diagnosis given them as its own settings (the command line's
   * {@code -D}) must load the store itself to see what the handler's JVM sees.
   *
   * @throws IllegalArgumentException when the store cannot be read (missing file, wrong type or password)
   */
  public static java.util.Optional<TlsTrust> fromTrustStoreProperty(java.util.Properties properties) {
    String path = trustStoreNamed(properties);
    if (path == null) {
      return java.util.Optional.empty();
    }
    String type = properties.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
    String password = properties.getProperty("javax.net.ssl.trustStorePassword");
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(path))) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password == null ? null : password.toCharArray());
      return java.util.Optional.of(of(store, describe(path)));
    } catch (java.io.IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the trust store " + path + " (javax.net.ssl.trustStore, type " + type + "): "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
  }

  /** The store that {@code javax.net.ssl.trustStore} in these properties names, or null when it names none. */
  public static String trustStoreNamed(java.util.Properties properties) {
    String path = properties.getProperty("javax.net.ssl.trustStore");
    return path == null || path.isBlank() || path.equals("NONE") ? null : path;
  }

  /** How a store named by {@code javax.net.ssl.trustStore} is described. */
  public static String describe(String trustStorePath) {
    return trustStorePath + " (javax.net.ssl.trustStore)";
  }

  /** The trust of this context: its {@link #ATTRIBUTE}, else the JVM's default. */
  public static TlsTrust forContext(DiagnosticContext context) {
    return context.attribute(ATTRIBUTE).orElseGet(TlsTrust::jvmDefault);
  }

  public X509TrustManager trustManager() {
    return trustManager;
  }

  public SSLSocketFactory socketFactory() {
    return sslContext.get().getSocketFactory();
  }

  /** Which trust store this is, for a remediation that says where to import a CA. */
  public String description() {
    return description;
  }

  private static X509TrustManager trustManager(KeyStore store) {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509TrustManager in this JVM");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the trust store", e);
    }
  }

  private static String jvmTrustStoreDescription() {
    String custom = System.getProperty("javax.net.ssl.trustStore");
    if (custom != null && !custom.isBlank()) {
      return describe(custom);
    }
    return System.getProperty("java.home") + "/lib/security/cacerts (the JVM's default trust store)";
  }

  /** A trust manager that waits for the store being read when a certificate is to be checked. */
  private static final class StoreBeingRead extends ClientTrustManager {
    private final Supplier<TlsTrust> store;

    StoreBeingRead(Supplier<TlsTrust> store) {
      this.store = store;
    }

    @Override
    protected X509TrustManager decider() throws CertificateException {
      try {
        return store.get().trustManager();
      } catch (RuntimeException e) {
        throw new CertificateException("the trust store could not be read", e);
      }
    }
  }
}
