package dev.maildiag.testkit.tls;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.testkit.internal.TestStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The testkit's certificate authority, in every form a client needs to trust it: every simulated mail server and
 * identity endpoint (Microsoft's and Google's token endpoints alike) serves a certificate for {@code localhost}
 * and {@code 127.0.0.1} issued by this CA, so a test pointing its own mail or OAuth client at a simulation trusts
 * this CA and nothing else, never "trust all".
 *
 * <pre>{@code
 * TestCa ca = simulation.testCa();
 * props.put("mail.imaps.ssl.socketFactory", ca.socketFactory());                        // Angus Mail
 * HttpClient http = HttpClient.newBuilder().sslContext(ca.sslContext()).build();         // a token request
 * System.setProperty("javax.net.ssl.trustStore", ca.trustStoreFile().toString());         // a whole JVM
 * System.setProperty("javax.net.ssl.trustStorePassword", TestCa.TRUST_STORE_PASSWORD);
 * }</pre>
 *
 * <p>Test-only keys: never trust this CA outside tests.
 */
public final class TestCa {
  /** The password of {@link #trustStoreFile()} (and of every store of the test PKI). */
  public static final String TRUST_STORE_PASSWORD = "changeit";

  /** The type of {@link #trustStoreFile()}. */
  public static final String TRUST_STORE_TYPE = "PKCS12";

  private static final String STORE = "ca.p12";
  private static final TestCa INSTANCE = new TestCa();

  private final X509Certificate certificate;
  private volatile Path file;

  private TestCa() {
    try {
      KeyStore store = TestStores.load(STORE);
      this.certificate = (X509Certificate) store.getCertificate(store.aliases().nextElement());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the test CA", e);
    }
  }

  /**
   * The testkit's one CA.
   *
   * @return the test CA
   */
  public static TestCa get() {
    return INSTANCE;
  }

  /**
   * The CA certificate.
   *
   * @return the certificate ({@code CN=maildiag test CA})
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * The CA certificate in PEM, e.g. for {@code curl --cacert} or a client configured with a PEM file.
   *
   * @return {@code -----BEGIN CERTIFICATE-----} ... {@code -----END CERTIFICATE-----} with a final line break
   */
  public String pem() {
    try {
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode the test CA", e);
    }
  }

  /**
   * A new trust store holding only the CA certificate.
   *
   * @return a {@value #TRUST_STORE_TYPE} key store the caller may change
   */
  public KeyStore trustStore() {
    return TestStores.load(STORE);
  }

  /**
   * The trust store as a file, for clients configured with a path ({@code javax.net.ssl.trustStore}, a product's
   * settings): type {@value #TRUST_STORE_TYPE}, password {@value #TRUST_STORE_PASSWORD}, holding only the CA. The file
   * is written to the temporary directory on first use and deleted when the JVM exits.
   *
   * @return the path of the trust store file
   */
  public Path trustStoreFile() {
    Path f = file;
    if (f == null) {
      synchronized (this) {
        if (file == null) {
          file = writeTrustStore();
        }
        f = file;
      }
    }
    return f;
  }

  private static Path writeTrustStore() {
    try (InputStream in = TestCa.class.getResourceAsStream(STORE)) {
      if (in == null) {
        throw new IllegalStateException("missing test store " + STORE);
      }
      Path f = Files.createTempFile("maildiag-test-ca-", ".p12");
      f.toFile().deleteOnExit();
      Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A TLS context trusting only the CA, e.g. for {@code HttpClient.newBuilder().sslContext(...)} calling a simulated
   * token endpoint.
   *
   * @return an initialised client-side context
   */
  public SSLContext sslContext() {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new javax.net.ssl.TrustManager[] {trustManager()}, null);
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /**
   * A socket factory trusting only the CA, e.g. for Angus Mail's {@code mail.imaps.ssl.socketFactory} or
   * {@code mail.smtp.ssl.socketFactory}.
   *
   * @return the socket factory of {@link #sslContext()}
   */
  public SSLSocketFactory socketFactory() {
    return sslContext().getSocketFactory();
  }

  /**
   * The trust manager trusting only the CA, for clients that take one with a socket factory (OkHttp).
   *
   * @return the trust manager
   */
  public X509TrustManager trustManager() {
    return TestStores.tlsTrust().trustManager();
  }

  /**
   * Makes a diagnosis with this context trust the CA (and nothing else) instead of the JVM's trust store, e.g. for a
   * context pointing at a {@link dev.maildiag.testkit.mail.MockMailServer} built by hand.
   *
   * @param context the context being built
   * @return {@code context}
   */
  public DiagnosticContext.Builder trustIn(DiagnosticContext.Builder context) {
    return context.attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust());
  }
}
