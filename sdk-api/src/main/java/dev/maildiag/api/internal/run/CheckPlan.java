package dev.maildiag.api.internal.run;

import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks in an order where every check comes after what it requires or runs after. */
public final class CheckPlan {
  private final List<Check> ordered;

  private CheckPlan(List<Check> ordered) {
    this.ordered = List.copyOf(ordered);
  }

  /**
   * Orders the checks, keeping the given order where dependencies allow. References to checks that are
   * not in the plan (not applicable, excluded) are ignored.
   *
   * @throws IllegalStateException on a dependency cycle
   */
  public static CheckPlan of(List<Check> checks) {
    Map<String, Check> byId = new HashMap<>();
    checks.forEach(c -> byId.put(c.info().id(), c));
    List<Check> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (Check c : checks) {
      visit(c, byId, done, visiting, out);
    }
    return new CheckPlan(out);
  }

  private static void visit(Check c, Map<String, Check> byId, Set<String> done, Set<String> visiting, List<Check> out) {
    String id = c.info().id();
    if (done.contains(id)) {
      return;
    }
    if (!visiting.add(id)) {
      throw new IllegalStateException("checks depend on each other in a cycle through " + id);
    }
    for (String dep : prerequisites(c.info())) {
      Check d = byId.get(dep);
      if (d != null) {
        visit(d, byId, done, visiting, out);
      }
    }
    visiting.remove(id);
    done.add(id);
    out.add(c);
  }

  static List<String> prerequisites(CheckInfo info) {
    List<String> all = new ArrayList<>(info.requires());
    all.addAll(info.after());
    return all;
  }

  public List<Check> checks() {
    return ordered;
  }

  public List<CheckInfo> infos() {
    return ordered.stream().map(Check::info).toList();
  }

  public boolean isEmpty() {
    return ordered.isEmpty();
  }
}
