package dev.maildiag.api.checks;

import dev.maildiag.api.Check;
import dev.maildiag.api.DiagnosticsProvider;
import dev.maildiag.api.explain.ClusterStickiness;
import java.util.List;

/** The provider-neutral checks. Registering a new core check is one line here. */
public final class CoreDiagnostics implements DiagnosticsProvider {
  @Override
  public String id() {
    return "core";
  }

  @Override
  public List<Check> checks() {
    return List.of(
        new RequiredSettings(),
        new PortMatchesSecurity(),
        new EndpointUrls(),
        new AddressesWellFormed(),
        new TimeoutsSane(),
        new ClusterStickiness());
  }
}
