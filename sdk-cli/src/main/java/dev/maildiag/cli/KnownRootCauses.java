package dev.maildiag.cli;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.RootCause;
import java.util.Optional;

/** The root causes of the CLI's runner (built-in and every provider's), for titles and fixes in explain's output. */
final class KnownRootCauses {
  // built on first use: only explain needs it
  private static final Maildiag RUNNER = Maildiag.create();

  private KnownRootCauses() {}

  static Optional<RootCause> find(String id) {
    return RUNNER.rootCause(id);
  }
}
