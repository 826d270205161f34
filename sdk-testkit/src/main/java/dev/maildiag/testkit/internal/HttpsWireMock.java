package dev.maildiag.testkit.internal;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The one WireMock set-up of every simulated identity endpoint: HTTPS only, on 127.0.0.1 with a free port,
 * serving the test CA's certificate for localhost, so that Microsoft's and Google's endpoints are trusted the
 * same way; their messages go to SLF4J ({@link WireMockLog}), not the console. Not API: may change.
 */
public final class HttpsWireMock {
  /** The PKCS12 store (class-path resource) holding the localhost certificate the test CA issued. */
  private static final String LOCALHOST_STORE = "dev/maildiag/testkit/tls/localhost.p12";

  private HttpsWireMock() {}

  /** A configuration to add stubs' needs to (threads, journal) before starting the server. */
  public static WireMockConfiguration config() {
    return wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
        .keystorePath(LOCALHOST_STORE).keystoreType("PKCS12")
        .keystorePassword(TestStores.PASSWORD).keyManagerPassword(TestStores.PASSWORD)
        .notifier(new WireMockLog()).disableRequestJournal();
  }
}
