package dev.maildiag.bench;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Figure 2: time to a verdict against servers that accept TCP and never answer, one protocol and three at once. */
final class SilenceFigure {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  static Figure run(int repetitions) throws Exception {
    Figure f = new Figure("2. Time to a verdict against a silent server (2 s timeout)");
    Maildiag maildiag = Maildiag.create();
    try (SilentServers imap = new SilentServers(); SilentServers pop3 = new SilentServers(); SilentServers smtp = new SilentServers()) {
      DiagnosticContext one = context(Protocol.IMAP, imap.port());
      List<DiagnosticContext> three = List.of(one, context(Protocol.POP3, pop3.port()), context(Protocol.SMTP, smtp.port()));
      Report probe = maildiag.diagnose(one);
      Finding first = probe.findings(Severity.ERROR).stream().findFirst().orElse(null);
      if (first == null) {
        f.row("one protocol", "no ERROR finding", "<= 1.1x timeout", null)
            .note("Not measurable on this build: no live check gave an ERROR against the silent server "
                + "(verdict " + probe.verdict() + ", checks: " + probe.findings().stream().map(Finding::checkId).toList() + ").");
        return f;
      }
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<List<Double>> t = Timing.sideBySide(1, repetitions,
            () -> maildiag.diagnose(one),
            () -> {
              List<Future<Report>> all = new ArrayList<>();
              for (DiagnosticContext c : three) {
                all.add(pool.submit(() -> maildiag.diagnose(c)));
              }
              for (Future<Report> r : all) {
                r.get();
              }
              return null;
            });
        Stats single = new Stats(t.get(0));
        Stats parallel = new Stats(t.get(1));
        double timeoutMs = TIMEOUT.toMillis();
        Stats overTimeout = new Stats(t.get(0).stream().map(ms -> ms / timeoutMs).toList());
        Stats ratio = Stats.ratios(t.get(1), t.get(0));
        f.row("one protocol (IMAP) / timeout", overTimeout.describe(2, "x"), "<= 1.1x", overTimeout.median() <= 1.1)
            .row("three protocols at once / one", ratio.describe(2, "x"), "<= 1.2x", ratio.median() <= 1.2)
            .note(String.format(Locale.ROOT, "One protocol: %s; three at once: %s. Finding: `%s` %s \"%s\".",
                single.describe(0, " ms"), parallel.describe(0, " ms"), first.checkId(), first.rootCause(), first.summary()));
      } finally {
        pool.shutdownNow();
      }
    }
    return f;
  }

  private static DiagnosticContext context(Protocol protocol, int port) {
    return DiagnosticContext.builder()
        .protocol(protocol).host("127.0.0.1").port(port).security(Security.SSL).login("bench@example.com")
        .accessToken(Secret.of("bench-access-token"))
        .network(NetworkSettings.direct())
        .timeout(TIMEOUT)
        .build();
  }

  private SilenceFigure() {}
}
