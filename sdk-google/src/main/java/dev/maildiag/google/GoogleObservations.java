package dev.maildiag.google;

import dev.maildiag.api.Observation;
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
    if (o.context() != null && GoogleDiagnostics.isGoogle(o.context())) {
      return true;
    }
    return !OTHER_PROVIDER.matcher(o.text()).find();
  }

  /** True when the text itself carries a Google mark (a Gmail host, "gsmtp", Gmail's "(Failure)" suffix). */
  static boolean marked(Observation o) {
    return GOOGLE_MARKS.matcher(o.text()).find();
  }

  /** The confidence to give a Google reading: full within a Google diagnosis, less for an unattributed text. */
  static double weigh(Observation o, double confidence) {
    boolean attributed = o.provider() != null || (o.context() != null && GoogleDiagnostics.isGoogle(o.context()));
    return attributed || marked(o) ? confidence : confidence * 0.8;
  }
}
