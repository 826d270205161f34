package dev.maildiag.api.internal.run;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.spi.Candidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes every text of a finding through the diagnosis' {@link Redactor} before anyone sees it: the
 * listener (progress lines), the log and the report. Checks redact what they quote already; this is the
 * runner's guarantee for checks it does not know, e.g. an embedder's own.
 */
final class Redactions {
  private Redactions() {}

  static Finding of(Finding f, Redactor r) {
    Map<String, String> evidence = new LinkedHashMap<>();
    f.evidence().forEach((k, v) -> evidence.put(r.redact(k), r.redact(v)));
    List<Candidate> alternatives = f.alternatives().stream()
        .map(c -> new Candidate(c.rootCause(), c.confidence(), r.redact(c.reason()))).toList();
    Remediation remediation = new Remediation(f.remediation().steps().stream().map(r::redact).toList(),
        f.remediation().links().stream().map(r::redact).toList());
    return new Finding(f.checkId(), f.severity(), f.rootCause(), f.confidence(), alternatives, r.redact(f.summary()),
        r.redact(f.detail()), remediation, evidence, f.duration());
  }
}
