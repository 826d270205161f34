package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.testkit.CheckTester;
import java.util.List;

/** The probes' tests run each probe through the public {@link CheckTester}, as the runner would. */
final class Probe {
  private Probe() {}

  static Finding run(Check check, DiagnosticContext context) {
    return CheckTester.forCheck(check).context(context).run();
  }

  static Finding run(Check check, DiagnosticContext context, Facts facts, Interpreter... interpreters) {
    return CheckTester.forCheck(check).context(context).facts(facts).interpreters(interpreters).run();
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
