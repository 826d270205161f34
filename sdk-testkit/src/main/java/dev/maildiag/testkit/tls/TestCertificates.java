package dev.maildiag.testkit.tls;

import dev.maildiag.api.internal.net.TlsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A test PKI: one test CA and server certificates it issued, made by {@code make-stores.sh} (next to the
 * stores in this package's resources) with the JDK's keytool. Put {@link #trust()} into a context with
 * {@link TlsTrust#ATTRIBUTE} so that maildiag trusts the test CA, and serve one of the certificates.
 */
public final class TestCertificates {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private TestCertificates() {}

  /** Trusts the test CA, and nothing else. */
  public static TlsTrust trust() {
    return TlsTrust.of(load("ca.p12"), "the maildiag test CA trust store");
  }

  /** A valid certificate for localhost, 127.0.0.1 and ::1. */
  public static ServerCertificate localhost() {
    return server("localhost.p12");
  }

  /** A valid certificate, but for {@code wrong-host.invalid}: served on 127.0.0.1 it is a name mismatch. */
  public static ServerCertificate wrongHost() {
    return server("wrong-host.p12");
  }

  /** A certificate for localhost and 127.0.0.1 that expired in January 2020. */
  public static ServerCertificate expired() {
    return server("expired.p12");
  }

  private static ServerCertificate server(String resource) {
    KeyStore store = load(resource);
    try {
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, PASSWORD);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), null, null);
      return new ServerCertificate(ssl, (X509Certificate) store.getCertificate("server"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use test certificate " + resource, e);
    }
  }

  private static KeyStore load(String resource) {
    try (InputStream in = TestCertificates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test store " + resource);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read test store " + resource, e);
    }
  }
}
