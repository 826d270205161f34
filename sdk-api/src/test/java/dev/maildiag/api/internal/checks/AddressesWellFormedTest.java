package dev.maildiag.api.internal.checks;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static dev.maildiag.api.internal.checks.CheckRun.imap;
import static dev.maildiag.api.internal.checks.CheckRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class AddressesWellFormedTest {
  private final AddressesWellFormed check = new AddressesWellFormed();

  @Test
  void loginAndSharedMailboxAddressesAreOk() throws Exception {
    Finding f = run(check, imap().mailbox("support@contoso.com").build());
    assertThat(f.severity()).isEqualTo(Severity.OK);
    assertThat(f.summary()).isEqualTo("Login and mailbox are e-mail addresses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"helpdesk", "Help Desk <helpdesk@contoso.com>", "helpdesk@@contoso.com", "help desk@contoso.com"})
  void malformedLoginsAreErrors(String login) throws Exception {
    Finding f = run(check, imap().login(login).build());

    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.evidence()).containsEntry("login", login);
  }

  @Test
  void aMalformedMailboxIsNamed() throws Exception {
    Finding f = run(check, imap().mailbox("support").build());
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.summary()).contains("mailbox 'support'");
  }
}
