package dev.maildiag.realpeers;

import dev.maildiag.testkit.tls.TestCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

/** The testkit's certificates as the PEM files real servers read; a self-signed one made by openssl. */
final class PemFiles {
  private static final char[] PASSWORD = "changeit".toCharArray();

  private PemFiles() {}

  /** Which server certificate a real server shows. */
  enum ServerCert {
    /** issued by the test CA for localhost and 127.0.0.1 */
    LOCALHOST("localhost.p12"),
    /** issued by the test CA, expired in 2020 */
    EXPIRED("expired.p12"),
    /** issued by the test CA for wrong-host.invalid */
    WRONG_HOST("wrong-host.p12"),
    /** signed by itself, for localhost and 127.0.0.1 */
    SELF_SIGNED(null);

    final String store;

    ServerCert(String store) {
      this.store = store;
    }
  }

  /** Writes {@code server.crt} (certificate and CA) and {@code server.key} into {@code dir}. */
  static void write(ServerCert which, Path dir) throws IOException {
    if (which == ServerCert.SELF_SIGNED) {
      Loopback.Result r = Loopback.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
          "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
          "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.crt").toString());
      if (!r.ok()) {
        throw new IOException("openssl could not make a self-signed certificate: " + r.output());
      }
      return;
    }
    KeyStore store = load(which.store);
    try {
      Key key = store.getKey("server", PASSWORD);
      StringBuilder chain = new StringBuilder();
      for (Certificate c : store.getCertificateChain("server")) {
        chain.append(pem("CERTIFICATE", c.getEncoded()));
      }
      Files.writeString(dir.resolve("server.crt"), chain, StandardCharsets.US_ASCII);
      Files.writeString(dir.resolve("server.key"), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot export " + which.store, e);
    }
  }

  /** The test CA's trust store file, for {@code -Djavax.net.ssl.trustStore=...}. */
  static Path caTrustStore(Path dir) throws IOException {
    Path p = dir.resolve("maildiag-test-ca.p12");
    try (InputStream in = TestCertificates.class.getResourceAsStream("ca.p12")) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  private static KeyStore load(String resource) throws IOException {
    try (InputStream in = TestCertificates.class.getResourceAsStream(resource)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      return store;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read " + resource, e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
