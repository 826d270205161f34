package dev.maildiag.api.internal.signin;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.SignIn;
import java.util.Map;

/**
 * A sign-in step that already happened, as a check of the diagnosis: it returns what the sign-in found, so
 * that the report shows the sign-in's steps before the checks that use its tokens.
 */
public final class RecordedCheck implements Check {
  private static final Map<String, String> TITLES = Map.of(
      SignIn.REQUEST_CHECK, "Identity platform accepts the sign-in request (client, tenant, redirect URI)",
      SignIn.TOKENS_CHECK, "Administrator signs in and tokens are issued",
      SignIn.ACCOUNT_CHECK, "The account that signed in is the login");

  private final Finding finding;
  private final CheckInfo info;

  public RecordedCheck(Finding finding) {
    this.finding = finding;
    String id = finding.checkId();
    this.info = CheckInfo.of(id, Stage.OAUTH, TITLES.getOrDefault(id, "Sign-in step"))
        .finds(finding.rootCause() == null ? new String[0] : new String[] {finding.rootCause()});
  }

  @Override
  public CheckInfo info() {
    return info;
  }

  @Override
  public Finding run(CheckContext ctx) {
    return finding;
  }
}
