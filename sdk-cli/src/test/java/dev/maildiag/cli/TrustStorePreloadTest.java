package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.testkit.tls.TestCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStorePreloadTest {
  @TempDir Path dir;

  @Test
  void theStoreOpenedWhileTheParserStartsIsTheOneTheSettingsGet() throws Exception {
    Path store = Files.copy(TestCa.get().trustStoreFile(), dir.resolve("trust.p12"));
    TrustStorePreload.start(new String[] {"check", "-Djavax.net.ssl.trustStore=" + store,
        "-D", "javax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD});
    Properties same = properties(store, TestCa.TRUST_STORE_PASSWORD);

    Optional<TlsTrust> first = TrustStorePreload.trust(same);
    Files.delete(store);

    assertThat(first).isPresent();
    assertThat(first.get().trustManager().getAcceptedIssuers()).contains(TestCa.get().certificate());
    // read once, on the preloading thread: the settings did not open the (now deleted) file again
    assertThat(TrustStorePreload.trust(same)).containsSame(first.get());
  }

  @Test
  void otherSettingsReadTheirOwnStore() throws Exception {
    Path store = Files.copy(TestCa.get().trustStoreFile(), dir.resolve("trust.p12"));
    TrustStorePreload.start(new String[] {"check", "-Djavax.net.ssl.trustStore=" + store,
        "-Djavax.net.ssl.trustStorePassword=" + TestCa.TRUST_STORE_PASSWORD});

    assertThatThrownBy(() -> TrustStorePreload.trust(properties(store, "not-the-password")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the trust store " + store);
  }

  @Test
  void aStoreThatCannotBeReadFailsAsWhenReadDirectly() {
    Path missing = dir.resolve("missing.p12");
    TrustStorePreload.start(new String[] {"check", "-Djavax.net.ssl.trustStore=" + missing});

    assertThatThrownBy(() -> TrustStorePreload.trust(properties(missing, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read the trust store " + missing);
  }

  private static Properties properties(Path store, String password) {
    Properties p = new Properties();
    p.putAll(System.getProperties());
    p.setProperty("javax.net.ssl.trustStore", store.toString());
    if (password != null) {
      p.setProperty("javax.net.ssl.trustStorePassword", password);
    }
    return p;
  }
}
