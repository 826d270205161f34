package dev.maildiag.microsoft;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.RootCause;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class OneCloudTest {
  @Test
  void worldwideThroughout() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().build()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @Test
  void gccHighTenantOnTheWorldwideMailHost() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().cloud("gcc-high")
        .tokenEndpoint("https://login.microsoftonline.us/t/oauth2/v2.0/token").build()));
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.rootCause()).isEqualTo(RootCause.CLOUD_MISMATCH);
    assertThat(f.evidence()).containsEntry("mail host outlook.office365.com", "worldwide");
  }

  @Test
  void gccUsesTheWorldwideHosts() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().cloud("gcc").build()));
    assertThat(f.severity()).isEqualTo(Severity.OK);
  }

  @Test
  void unknownHostsSayNothing() {
    Finding f = new OneCloud().run(Contexts.ctx(Contexts.imap().host("127.0.0.1").tokenEndpoint("http://127.0.0.1:1/t").build()));
    assertThat(f.severity()).isEqualTo(Severity.SKIPPED);
  }
}
