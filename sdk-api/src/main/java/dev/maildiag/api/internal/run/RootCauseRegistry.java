package dev.maildiag.api.internal.run;

import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The root causes one {@link dev.maildiag.api.Maildiag} knows: the core provider's built-in ones, what other
 * providers contribute and what the embedder adds. Immutable, so two runners in one JVM never see each
 * other's additions.
 */
public final class RootCauseRegistry {
  private final Map<String, RootCause> byId;

  private RootCauseRegistry(Map<String, RootCause> byId) {
    this.byId = byId;
  }

  /**
   * The registry of these root causes, in order. An id may come twice only with the same title, so two
   * contributors cannot give one id two meanings.
   *
   * @throws IllegalStateException when an id comes twice with different titles
   */
  public static RootCauseRegistry of(Collection<RootCause> rootCauses) {
    Map<String, RootCause> byId = new LinkedHashMap<>();
    for (RootCause rc : rootCauses) {
      RootCause existing = byId.putIfAbsent(rc.id(), rc);
      if (existing != null && !existing.title().equals(rc.title())) {
        throw new IllegalStateException("root cause '" + rc.id() + "' is registered twice with different titles: '"
            + existing.title() + "' and '" + rc.title() + "'");
      }
    }
    return new RootCauseRegistry(byId);
  }

  public Optional<RootCause> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  public boolean contains(String id) {
    return id != null && byId.containsKey(id);
  }

  /** All root causes, in registration order (built-in first). */
  public List<RootCause> all() {
    return List.copyOf(byId.values());
  }

  /** The generic fix of a root cause, empty for an unknown id. */
  public Remediation remediation(String id) {
    return find(id).map(RootCause::remediation).orElse(Remediation.NONE);
  }

  /** The title of a root cause, or its id when unknown. */
  public String title(String id) {
    return find(id).map(RootCause::title).orElse(id);
  }
}
