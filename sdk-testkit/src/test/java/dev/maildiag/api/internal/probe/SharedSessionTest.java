package dev.maildiag.api.internal.probe;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class SharedSessionTest {
  @Test
  void theNextCheckGoesOnWithTheSameLogin() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).messages(2).start()) {
      CheckContext ctx = CheckContext.standalone(imap.context(Secret.of("tok")));
      assertThat(new Xoauth2Authentication().run(ctx).severity()).isEqualTo(Severity.OK);
      assertThat(new SessionServes().run(ctx).severity()).isEqualTo(Severity.OK);
      Finding mailbox = new MailboxFolder().run(ctx);
      assertThat(mailbox.severity()).isEqualTo(Severity.OK);
      assertThat(imap.verbs().stream().filter("AUTHENTICATE"::equals)).hasSize(1);
      assertThat(imap.verbs()).containsSubsequence("AUTHENTICATE", "NOOP", "LIST", "EXAMINE");
    }
  }

  @Test
  void aSessionNobodyTakesIsClosedAfterAShortIdleTime() throws Exception {
    try (MockMailServer imap = MockMailServer.imap().tls(TestCertificates.localhost()).start()) {
      CheckContext ctx = CheckContext.standalone(imap.context().accessToken(Secret.of("tok")).timeout(Duration.ofMillis(200)).build());
      assertThat(new Xoauth2Authentication().run(ctx).severity()).isEqualTo(Severity.OK);
      assertThat(imap.verbs()).doesNotContain("LOGOUT");
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!imap.verbs().contains("LOGOUT") && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(imap.verbs()).contains("LOGOUT");
    }
  }
}
