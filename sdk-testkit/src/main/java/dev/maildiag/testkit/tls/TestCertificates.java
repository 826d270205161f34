package dev.maildiag.testkit.tls;

import dev.maildiag.testkit.internal.TestStores;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server certificates issued by the {@linkplain TestCa test CA}, for test servers such as
 * {@link dev.maildiag.testkit.mail.MockMailServer}: a valid one for localhost, one for another host and an expired
 * one. Clients trust them through {@link TestCa}.
 */
public final class TestCertificates {
  private TestCertificates() {}

  /**
   * A valid certificate for localhost, 127.0.0.1 and ::1.
   *
   * @return the certificate with its key
   */
  public static ServerCertificate localhost() {
    return server("localhost.p12");
  }

  /**
   * A valid certificate, but for {@code wrong-host.invalid}: served on 127.0.0.1 it is a name mismatch.
   *
   * @return the certificate with its key
   */
  public static ServerCertificate wrongHost() {
    return server("wrong-host.p12");
  }

  /**
   * A certificate for localhost and 127.0.0.1 that expired in January 2020.
   *
   * @return the certificate with its key
   */
  public static ServerCertificate expired() {
    return server("expired.p12");
  }

  private static ServerCertificate server(String resource) {
    KeyStore store = TestStores.load(resource);
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, TestStores.PASSWORD.toCharArray());
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      return new ServerCertificate(ssl, (X509Certificate) store.getCertificate("server"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use test certificate " + resource, e);
    }
  }
}
