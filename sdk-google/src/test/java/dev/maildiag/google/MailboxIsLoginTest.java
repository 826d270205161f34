package dev.maildiag.google;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class MailboxIsLoginTest {
  private static Finding run(dev.maildiag.api.DiagnosticContext.Builder b) {
    return new MailboxIsLogin().run(CheckContext.standalone(b.build()));
  }

  @Test
  void ownMailboxIsOk() {
    assertThat(run(GoogleContexts.gmail()).severity()).isEqualTo(Severity.OK);
    assertThat(run(GoogleContexts.gmail().mailbox("HelpDesk@example.com")).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void anotherUsersMailboxCannotBeOpenedOverImap() {
    Finding f = run(GoogleContexts.gmail().mailbox("support@example.com"));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.MAILBOX_PERMISSION);
    assertThat(f.alternatives()).extracting(c -> c.rootCause()).containsExactly(RootCause.WRONG_USER_AUTHORIZED);
    assertThat(f.remediation().steps()).anyMatch(s -> s.contains("no delegated mailbox access"));
  }
}
