package dev.maildiag.microsoft;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretExpiryTest {
  private static Finding expiringIn(Duration d) {
    return new ClientSecretExpiry().run(Contexts.ctx(Contexts.imap().clientSecretExpiresAt(Instant.now().plus(d)).build()));
  }

  @Test
  void pastIsAnError() {
    Finding f = expiringIn(Duration.ofDays(-2));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.CLIENT_SECRET_EXPIRED);
    assertThat(f.remediation().steps()).anyMatch(s -> s.contains("Certificates & secrets"));
  }

  @Test
  void nearIsAWarningAndFarIsFine() {
    assertThat(expiringIn(Duration.ofDays(5)).severity()).isEqualTo(Severity.WARNING);
    assertThat(expiringIn(Duration.ofDays(200)).severity()).isEqualTo(Severity.OK);
  }
}
