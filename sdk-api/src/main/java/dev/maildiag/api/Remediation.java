package dev.maildiag.api;

import java.util.List;

/** How to fix a problem: ordered steps, then documentation links. */
public record Remediation(List<String> steps, List<String> links) {
  /**
   * No steps and no links.
   */
  public static final Remediation NONE = new Remediation(List.of(), List.of());

  /**
   * A remediation; the lists are copied.
   *
   * @param steps see the record
   * @param links see the record
   */
  public Remediation {
    steps = List.copyOf(steps);
    links = List.copyOf(links);
  }

  /**
   * A remediation of steps and links.
   *
   * @param steps what to do, in order
   * @param links documentation links
   * @return the remediation
   */
  public static Remediation of(List<String> steps, String... links) {
    return new Remediation(steps, List.of(links));
  }

  /**
   * Whether there is nothing to do or read.
   *
   * @return whether steps and links are both empty
   */
  public boolean isEmpty() {
    return steps.isEmpty() && links.isEmpty();
  }
}
