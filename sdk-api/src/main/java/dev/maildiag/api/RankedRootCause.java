package dev.maildiag.api;

import java.util.List;

/**
 * A root cause as ranked in a report.
 *
 * @param id the root-cause id
 * @param title its title
 * @param confidence 0 to 1
 * @param findings ids of the checks whose findings support it
 * @param remediation the most specific remediation found for it
 */
public record RankedRootCause(String id, String title, double confidence, List<String> findings, Remediation remediation) {
  /**
   * A ranked root cause; the runner makes it.
   *
   * @param id see the record
   * @param title see the record
   * @param confidence see the record
   * @param findings see the record
   * @param remediation see the record
   */
  public RankedRootCause {
    findings = List.copyOf(findings);
  }
}
