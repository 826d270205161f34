package dev.maildiag.testkit.hostile;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Severity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;

/**
 * Runs one diagnosis against a {@link PostLoginPeer} in a JVM of its own (started by
 * {@link PostLoginHeapTest} with a fixed {@code -Xmx}), and prints what the heap did:
 * {@code baseline=<bytes> peak=<bytes> millis=<n> verdict=<v>} and the live findings that failed.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    PostLoginPeer.Mode mode = PostLoginPeer.Mode.valueOf(args[0]);
    Protocol protocol = mode == PostLoginPeer.Mode.POP3_ENDLESS ? Protocol.POP3
        : mode == PostLoginPeer.Mode.SMTP_HUGE_EHLO ? Protocol.SMTP : Protocol.IMAP;
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    Maildiag maildiag = Maildiag.create();
    try (PostLoginPeer peer = new PostLoginPeer(mode)) {
      DiagnosticContext context = DiagnosticContext.builder().protocol(protocol).host("127.0.0.1").port(peer.port())
          .security(Security.NONE).login("user@example.test").accessToken(Secret.of("heap-probe-access-token"))
          .network(NetworkSettings.direct()).timeout(Duration.ofSeconds(5)).build();
      maildiag.plan(context); // classes loaded before the baseline
      System.gc();
      Thread.sleep(200);
      long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long t0 = System.nanoTime();
      Report report = maildiag.diagnose(context);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      System.out.println("baseline=" + baseline + " peak=" + peak + " millis=" + millis + " verdict=" + report.verdict());
      for (Finding f : report.findings()) {
        if (f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) {
          System.out.println("finding " + f.checkId() + " " + f.severity() + " " + f.summary());
        }
      }
    }
    System.exit(0);
  }
}
