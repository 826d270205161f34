package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Interpreter;
import java.util.List;

/** Runs one check on its own, as the runner would, for the probes' own tests. */
final class Probe {
  private Probe() {}

  static Finding run(Check check, DiagnosticContext context) throws Exception {
    return check.run(CheckContext.standalone(context));
  }

  static Finding run(Check check, DiagnosticContext context, Facts facts, Interpreter... interpreters) throws Exception {
    return check.run(new CheckContext(context, facts, Explainer.of(List.of(interpreters))));
  }

  /** A loopback port that nothing listens on (it was free a moment ago). */
  static int closedPort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** An interpreter that names {@code rootCause} when the observed text contains {@code phrase}. */
  static Interpreter recognising(String phrase, String rootCause) {
    return o -> o.text().contains(phrase) ? List.of(new Candidate(rootCause, 0.9, "test interpreter")) : List.of();
  }
}
