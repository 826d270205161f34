package dev.maildiag.api.internal.run;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Severity;
import dev.maildiag.api.spi.Candidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks root causes across findings. A root cause scores the strongest (severity weight x confidence) of
 * the findings that name it; each further supporting finding adds a quarter of what is left.
 */
public final class RootCauseRanking {
  private RootCauseRanking() {}

  /** Ranks with the registry's titles and generic remediation for causes no finding gave a fix for. */
  public static List<RankedRootCause> rank(List<Finding> findings, RootCauseRegistry registry) {
    return rank(findings, registry, registry::remediation);
  }

  /**
   * Ranks; titles come from {@code registry}, and {@code remediations} gives the fix for causes no finding
   * gave one for.
   */
  public static List<RankedRootCause> rank(List<Finding> findings, RootCauseRegistry registry,
      Function<String, Remediation> remediations) {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Finding f : findings) {
      double weight = weight(f.severity());
      if (weight == 0) {
        continue;
      }
      List<Candidate> candidates = f.candidates();
      for (int i = 0; i < candidates.size(); i++) {
        Candidate c = candidates.get(i);
        tallies.computeIfAbsent(c.rootCause(), Tally::new).add(f, weight * c.confidence(), i == 0);
      }
    }
    List<Tally> ranked = new ArrayList<>(tallies.values());
    ranked.removeIf(t -> t.score <= 0);
    // highest score first; ties keep the order the findings came in, which is path order: the earlier break is the
    // cause. Not Comparator.comparingDouble: its lambda inside the JDK is one no class-data archive keeps, spun at
    // the end of every diagnosis
    ranked.sort((a, b) -> Double.compare(b.score, a.score));
    return ranked.stream().map(t -> t.toRanked(registry, remediations)).toList();
  }

  static double weight(Severity severity) {
    switch (severity) {
      case ERROR: return 1.0;
      case WARNING: return 0.6;
      case INFO: return 0.25;
      default: return 0;
    }
  }

  private static final class Tally {
    final String id;
    double score;
    final List<String> findings = new ArrayList<>();
    Remediation remediation = Remediation.NONE;

    Tally(String id) {
      this.id = id;
    }

    void add(Finding f, double strength, boolean primary) {
      double strongest = Math.max(score, strength);
      double weaker = Math.min(score, strength);
      score = Math.min(1.0, strongest + (1 - strongest) * weaker * 0.25);
      if (!findings.contains(f.checkId())) {
        findings.add(f.checkId());
      }
      if (primary && remediation.isEmpty() && !f.remediation().isEmpty()) {
        remediation = f.remediation();
      }
    }

    RankedRootCause toRanked(RootCauseRegistry registry, Function<String, Remediation> remediations) {
      String title = registry.title(id);
      Remediation fix = !remediation.isEmpty() ? remediation : remediations.apply(id);
      return new RankedRootCause(id, title, Math.round(score * 100) / 100.0, findings, fix);
    }
  }
}
