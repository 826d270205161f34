package dev.maildiag.bench;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Simulation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Figure 1: a full live diagnosis of a healthy simulated mailbox against the bare work it wraps. */
final class OverheadFigure {
  static Figure run(int warmups, int repetitions) throws Exception {
    Figure f = new Figure("1. Full diagnosis vs the bare protocol work (healthy simulated mailbox)");
    Optional<Scenario> scenario = LiveScenario.healthy();
    if (scenario.isEmpty()) {
      return f.row("diagnosis / bare client", "no healthy live scenario on this build", "<= 1.2x", null);
    }
    try (Simulation simulation = scenario.get().start()) {
      Maildiag maildiag = simulation.maildiag();
      DiagnosticContext context = maildiag.withDefaults(simulation.context());
      BareClient bare = new BareClient(context, true);
      BareClient warm = new BareClient(context, false);
      int messages = bare.run();
      Report report = maildiag.diagnose(simulation.context());
      List<Finding> errors = report.findings(Severity.ERROR);
      List<List<Double>> t = Timing.sideBySide(warmups, repetitions, () -> maildiag.diagnose(simulation.context()), bare::run);
      Stats ratio = Stats.ratios(t.get(0), t.get(1));
      List<List<Double>> tw = Timing.sideBySide(warmups, repetitions, () -> maildiag.diagnose(simulation.context()), warm::run);
      Stats warmRatio = Stats.ratios(tw.get(0), tw.get(1));
      f.row("diagnosis / bare client", ratio.describe(2, "x"), "<= 1.2x", ratio.median() <= 1.2)
          .row("diagnosis / bare client keeping its HTTP connection and TLS sessions between runs (for comparison)",
              warmRatio.describe(2, "x"), "reference", null)
          .note(String.format(Locale.ROOT, "Scenario %s/%s, protocol %s, %d messages in %s. Diagnosis (%d checks, verdict %s%s): %s; "
                  + "bare client (token refresh + XOAUTH2 connect + EXAMINE, each run from scratch as one diagnosis: a new HTTP connection "
              + "and a full TLS handshake): %s; the same keeping its HTTP connection and TLS sessions: %s.",
              scenario.get().provider(), scenario.get().failureMode(), context.server().protocol(), messages, context.server().folder(),
              report.findings().size(), report.verdict(), errors.isEmpty() ? "" : ", errors " + errors.stream().map(Finding::checkId).toList(),
              new Stats(t.get(0)).describe(1, " ms"), new Stats(t.get(1)).describe(1, " ms"), new Stats(tw.get(1)).describe(1, " ms")));
      Report sample = maildiag.diagnose(simulation.context());
      List<String> chain = List.of("tls.handshake", "protocol.greeting", "oauth.xoauth2", "protocol.session", "mailbox.folder");
      double chainMs = sample.findings().stream().filter(x -> chain.contains(x.checkId())).mapToDouble(x -> x.duration().toNanos() / 1e6).sum();
      if (ratio.median() > 1.2) {
        f.note(String.format(Locale.ROOT, "Why: the live checks %s run one after another (each needs the one before) over one connection "
                + "and one login, as the bare client does; in this run they take %.0f ms of the diagnosis's %.0f ms. What remains is "
                + "the checks' own work beside the bare client's (the greeting and capability round trips, the session's NOOP, "
                + "the identity host check, the runner's threads).",
            chain, chainMs, sample.duration().toNanos() / 1e6));
      }
      StringBuilder where = new StringBuilder("Where the diagnosis spends its time (one run after warm-up; checks run in parallel where their "
          + "dependencies allow, so the times overlap):\n\n| Check | ms | Severity | Summary |\n|---|---|---|---|\n");
      for (Finding finding : sample.findings()) {
        where.append(String.format(Locale.ROOT, "| `%s` | %.1f | %s | %s |%n", finding.checkId(), finding.duration().toNanos() / 1e6,
            finding.severity(), finding.summary().replace('|', '/')));
      }
      f.note(where.toString());
    }
    return f;
  }

  private OverheadFigure() {}
}
