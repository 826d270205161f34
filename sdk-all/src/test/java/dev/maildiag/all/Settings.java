package dev.maildiag.all;

import dev.maildiag.api.DiagnosticContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulation's context as the plain settings an add-on keeps, so that another class loader (an isolated
 * one, an OSGi bundle) can build its own context from them; and the JVM-wide trust of the test CA, which a
 * host product would configure for its own servers.
 */
public final class Settings {
  private Settings() {}

  public static Map<String, String> of(DiagnosticContext c) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("protocol", c.server().protocol().name());
    s.put("host", c.server().host());
    s.put("port", Integer.toString(c.server().port()));
    s.put("security", c.server().security().name());
    s.put("login", c.server().login());
    s.put("mailbox", c.server().mailbox());
    s.put("provider", c.oauth().provider());
    s.put("cloud", c.oauth().cloud());
    s.put("tenant", c.oauth().tenant());
    s.put("clientId", c.oauth().clientId());
    s.put("tokenEndpoint", c.oauth().tokenEndpoint());
    s.put("scopes", String.join(" ", c.oauth().scopes()));
    if (c.oauth().clientSecret() != null) {
      s.put("clientSecret", c.oauth().clientSecret().reveal());
    }
    if (c.tokens().refreshToken() != null) {
      s.put("refreshToken", c.tokens().refreshToken().reveal());
    }
    s.values().removeIf(v -> v == null);
    return s;
  }

  /** Makes the test CA the JVM's trust store, before any TLS class reads it. */
  public static void trustTestCa() {
    try (InputStream in = Settings.class.getResourceAsStream("/dev/maildiag/testkit/tls/ca.p12")) {
      Path store = Files.createTempFile("maildiag-test-ca", ".p12");
      Files.copy(in, store, StandardCopyOption.REPLACE_EXISTING);
      store.toFile().deleteOnExit();
      System.setProperty("javax.net.ssl.trustStore", store.toString());
      System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
