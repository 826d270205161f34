package dev.maildiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionWarmUpTest {
  private final List<ConnectionWarmUp> started = new ArrayList<>();

  @AfterEach
  void finishWarmUps() {
    started.forEach(ConnectionWarmUp::finish); // none may outlive the test: the JDK caches the trust store it reads
  }

  private boolean starts(String... args) {
    ConnectionWarmUp warmUp = ConnectionWarmUp.start(args);
    started.add(warmUp);
    return warmUp.started();
  }

  @Test
  void onlyACheckThatMayConnectWarmsUp() {
    assertThat(starts("check", "--host", "outlook.office365.com", "--login", "a@contoso.com")).isTrue();
    assertThat(starts("--debug", "check", "--host", "h.example.com", "-Djavax.net.ssl.trustStore=t.p12")).isTrue();

    assertThat(starts("check", "--offline", "--host", "outlook.office365.com")).isFalse();
    assertThat(starts("check", "--help")).isFalse();
    assertThat(starts("explain", "A1 NO AUTHENTICATE failed.")).isFalse();
    assertThat(starts("--version")).isFalse();
    assertThat(starts("demo")).isFalse();
  }

  @Test
  void aCommandLeavesNoWarmUpRunningBehindIt() {
    CliRun.of("check", "--protocol", "imap", "--host", "127.0.0.1", "--port", "1", "--security", "ssl", "--login", "a@example.com",
        "--access-token", "tok", "--timeout", "2", "-q");

    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("maildiag-warm-up") && t.isAlive());
  }
}
