package dev.maildiag.google;

import dev.maildiag.api.spi.Observation;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether an observation can come from Google, so that Google's readings of shared words stay out of others' diagnoses. */
final class GoogleObservations {
  private static final Pattern GOOGLE_MARKS = Pattern.compile(
      "gsmtp|google\\.com|googleapis\\.com|gmail|\\[AUTHENTICATIONFAILED]|\\(Failure\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern OTHER_PROVIDER = Pattern.compile("AADSTS\\d+|outlook\\.|office365|microsoftonline", Pattern.CASE_INSENSITIVE);

  private GoogleObservations() {}

  /** True for a Google diagnosis, or an unattributed text that does not name another provider. */
  static boolean fromGoogle(Observation o) {
    if (o.provider() != null) {
      return o.provider().toLowerCase(Locale.ROOT).equals(GoogleDiagnostics.ID);
    }
    if (o.context() != null && o.context().server().host() != null) {
      // a live diagnosis knows whose server answered: Gmail's reading of shared words (RFC 5530's
      // [AUTHENTICATIONFAILED]) is not another server's
      return GoogleDiagnostics.isGoogle(o.context());
    }
    return !OTHER_PROVIDER.matcher(o.text()).find();
  }

  /** True when the text itself carries a Google mark (a Gmail host, "gsmtp", Gmail's "(Failure)" suffix). */
  static boolean marked(Observation o) {
    return GOOGLE_MARKS.matcher(o.text()).find();
  }

  /**
   * A candidate when the handler reads another account's mailbox: Gmail has no delegated access over IMAP, POP or
   * SMTP, so a token of the login opens only the login's own mailbox.
   */
  static java.util.Optional<dev.maildiag.api.spi.Candidate> delegatedMailbox(Observation o) {
    if (o.context() == null) {
      return java.util.Optional.empty();
    }
    dev.maildiag.api.DiagnosticContext.MailServer s = o.context().server();
    if (s.mailbox() == null || s.login() == null || s.mailbox().equalsIgnoreCase(s.login())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new dev.maildiag.api.spi.Candidate(dev.maildiag.api.RootCause.MAILBOX_PERMISSION, 0.85,
        "the mailbox " + s.mailbox() + " is not the login " + s.login() + "'s own, and Gmail has no delegated mailbox access"));
  }

  /** The confidence to give a Google reading: full within a Google diagnosis, less for an unattributed text. */
  static double weigh(Observation o, double confidence) {
    boolean attributed = o.provider() != null || (o.context() != null && GoogleDiagnostics.isGoogle(o.context()));
    return attributed || marked(o) ? confidence : confidence * 0.8;
  }
}
