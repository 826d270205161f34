package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.spi.Key;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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
  private final SSLContext sslContext;
  private final String description;

  private TlsTrust(X509TrustManager trustManager, String description) {
    this.trustManager = trustManager;
    this.description = description;
    try {
      this.sslContext = SSLContext.getInstance("TLS");
      sslContext.init(null, new TrustManager[] {trustManager}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** The JVM's default trust store (cacerts, or javax.net.ssl.trustStore). */
  public static TlsTrust jvmDefault() {
    return new TlsTrust(trustManager(null), jvmTrustStoreDescription());
  }

  /** Trusts exactly the certificates in {@code trustStore}. */
  public static TlsTrust of(KeyStore trustStore, String description) {
    return new TlsTrust(trustManager(trustStore), description);
  }

  /** The trust of this context: its {@link #ATTRIBUTE}, else the JVM's default. */
  public static TlsTrust forContext(DiagnosticContext context) {
    return context.attribute(ATTRIBUTE).orElseGet(TlsTrust::jvmDefault);
  }

  public X509TrustManager trustManager() {
    return trustManager;
  }

  public SSLSocketFactory socketFactory() {
    return sslContext.getSocketFactory();
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
      return custom + " (javax.net.ssl.trustStore)";
    }
    return System.getProperty("java.home") + "/lib/security/cacerts (the JVM's default trust store)";
  }
}
