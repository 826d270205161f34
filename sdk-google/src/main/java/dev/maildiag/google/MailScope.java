package dev.maildiag.google;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.List;

/** The configured scope is {@code https://mail.google.com/}, the only one Gmail accepts for IMAP, POP3 and SMTP. */
public final class MailScope implements Check {
  public static final String ID = "google.scopes";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Scope grants Gmail IMAP, POP and SMTP").finds(RootCause.SCOPES);
  }

  @Override
  public Finding run(CheckContext ctx) {
    List<String> scopes = ctx.context().oauth().scopes();
    Protocol protocol = ctx.context().server().protocol();
    if (scopes.isEmpty()) {
      return Finding.info("No scope is configured; the token must have been requested with " + GoogleCatalog.MAIL_SCOPE)
          .detail("The token-info check reads the scope the token really has.")
          .build();
    }
    if (scopes.contains(GoogleCatalog.MAIL_SCOPE)) {
      return Finding.ok("The scope " + GoogleCatalog.MAIL_SCOPE + " is configured").evidence("scopes", String.join(" ", scopes)).build();
    }
    if (scopes.contains(GoogleCatalog.IMAP_ADMIN_SCOPE) && protocol == Protocol.IMAP) {
      return Finding.info("gmail.imap_admin is configured: it works only for IMAP with a service account's domain-wide delegation")
          .evidence("scopes", String.join(" ", scopes))
          .build();
    }
    Finding.Builder f = Finding.error("No configured scope grants " + (protocol == null ? "mail" : protocol.label().toUpperCase(java.util.Locale.ROOT))
            + " access to Gmail; " + GoogleCatalog.MAIL_SCOPE + " is missing")
        .rootCause(RootCause.SCOPES, 1.0)
        .detail(explain(scopes, protocol))
        .remediation(GoogleRemediations.of(RootCause.SCOPES))
        .evidence("scopes", String.join(" ", scopes));
    return f.build();
  }

  private static String explain(List<String> scopes, Protocol protocol) {
    StringBuilder why = new StringBuilder("Gmail accepts only " + GoogleCatalog.MAIL_SCOPE + " for IMAP, POP and SMTP.");
    for (String s : scopes) {
      GoogleCatalog.scope(s).ifPresentOrElse(known -> {
        if (known.value().equals(GoogleCatalog.IMAP_ADMIN_SCOPE)) {
          why.append(" ").append(s).append(" works only for IMAP with domain-wide delegation, not for ").append(protocol).append('.');
        } else if (!known.grantsMail()) {
          why.append(" ").append(s).append(" is a Gmail API scope (").append(known.meaning()).append(") that the mail servers refuse.");
        }
      }, () -> why.append(" ").append(s).append(" is not a Gmail scope."));
    }
    return why.toString();
  }
}
