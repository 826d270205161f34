package dev.maildiag.google;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.CheckContext;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordInsteadOfOAuthTest {
  @Test
  void passwordWithoutTokensIsRefusedByGmail() {
    Finding f = new PasswordInsteadOfOAuth().run(CheckContext.standalone(
        GoogleContexts.gmail().refreshToken(null).password(Secret.of("hunter2")).build()));
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.rootCause()).isEqualTo(RootCause.BASIC_AUTH_REJECTED);
    assertThat(f.evidence().values()).noneMatch(v -> v.contains("hunter2"));
  }

  @Test
  void passwordNextToTokensIsHarmless() {
    Finding f = new PasswordInsteadOfOAuth().run(CheckContext.standalone(GoogleContexts.gmail().password(Secret.of("hunter2")).build()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }
}
