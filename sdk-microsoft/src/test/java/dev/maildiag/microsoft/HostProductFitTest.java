package dev.maildiag.microsoft;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class HostProductFitTest {
  private static Finding run(dev.maildiag.api.DiagnosticContext.Builder b) {
    return new HostProductFit().run(Contexts.ctx(b.build()));
  }

  @Test
  void popWithOAuthDependsOnTheReleaseLine() {
    assertThat(run(Contexts.imap().protocol(Protocol.POP3).product("jira", "8.13.2", null)).rootCause()).isEqualTo(RootCause.POP_OAUTH_FORMAT);
    assertThat(run(Contexts.imap().protocol(Protocol.POP3).product("jira", "8.13.4", null)).severity()).isEqualTo(Severity.OK);
    assertThat(run(Contexts.imap().protocol(Protocol.POP3).product("jira", "8.5.12", null)).severity()).isEqualTo(Severity.OK);
    assertThat(run(Contexts.imap().protocol(Protocol.POP3).product("jira", "8.14.0", null)).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void tooOldForOAuth() {
    Finding f = run(Contexts.imap().product("jira", "8.5.0", "server"));
    assertThat(f.rootCause()).isEqualTo(RootCause.HOST_PRODUCT_UNSUPPORTED);
    assertThat(f.remediation().steps()).anyMatch(s -> s.contains("8.5.12"));
    assertThat(run(Contexts.imap().product("jira", "8.9.0", "server")).remediation().steps()).anyMatch(s -> s.contains("8.10.0"));
  }

  @Test
  void governmentCloudNeedsJsm422() {
    Finding f = run(Contexts.imap().cloud("gcc-high").host("outlook.office365.us").product("jsm", "4.20.1", null));
    assertThat(f.rootCause()).isEqualTo(RootCause.CLOUD_MISMATCH);
    assertThat(run(Contexts.imap().cloud("gcc-high").host("outlook.office365.us").product("jsm", "4.22.0", null)).severity()).isEqualTo(Severity.OK);
  }

  @Test
  void multiChannelBetaWithTwoChannels() {
    Finding f = run(Contexts.imap().product("jira-service-management", "4.18.1", null).attribute(HostProductSupport.OAUTH_MAIL_CHANNELS, 2));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.MULTI_CHANNEL_BETA);
    assertThat(run(Contexts.imap().product("jira-service-management", "4.18.1", null)).severity()).isEqualTo(Severity.INFO);
  }
}
