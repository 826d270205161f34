package dev.maildiag.api;

import java.util.List;

/** How to fix a problem: ordered steps, then documentation links. */
public record Remediation(List<String> steps, List<String> links) {
  public static final Remediation NONE = new Remediation(List.of(), List.of());

  public Remediation {
    steps = List.copyOf(steps);
    links = List.copyOf(links);
  }

  public static Remediation of(List<String> steps, String... links) {
    return new Remediation(steps, List.of(links));
  }

  public boolean isEmpty() {
    return steps.isEmpty() && links.isEmpty();
  }
}
