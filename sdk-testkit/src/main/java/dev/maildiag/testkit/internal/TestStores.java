package dev.maildiag.testkit.internal;

import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.testkit.tls.TestCa;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The test PKI's PKCS12 stores (class-path resources made by {@code make-stores.sh}), and the trust that makes a
 * diagnosis trust the test CA. Not API: may change.
 */
public final class TestStores {
  /** Every store's password, as {@code make-stores.sh} writes them. */
  public static final String PASSWORD = TestCa.TRUST_STORE_PASSWORD;

  private static final TlsTrust TRUST = TlsTrust.of(load("ca.p12"), "the maildiag test CA trust store");

  private TestStores() {}

  /** maildiag's trust for contexts of the testkit: the test CA and nothing else. */
  public static TlsTrust tlsTrust() {
    return TRUST;
  }

  /** Loads {@code dev/maildiag/testkit/tls/<name>}. */
  public static KeyStore load(String name) {
    try (InputStream in = TestCa.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test store " + name);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read test store " + name, e);
    }
  }
}
