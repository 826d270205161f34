package dev.maildiag.bench;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Report;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.Scenarios;
import dev.maildiag.testkit.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Figure 6: a hundred diagnoses at once in one JVM against the simulated servers. */
final class ConcurrencyFigure {
  static final int AT_ONCE = 100;

  static Figure run() throws Exception {
    Figure f = new Figure("6. " + AT_ONCE + " diagnoses at once in one JVM");
    Scenario scenario = LiveScenario.healthy().orElseGet(() -> Scenarios.find("offline", Scenario.HEALTHY).orElseThrow());
    if (scenario.provider().equals("offline")) {
      f.note("No healthy live scenario on this build: measured against the offline sample, which opens no connection.");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Simulation simulation = scenario.start()) {
      Maildiag maildiag = simulation.maildiag();
      for (int i = 0; i < 5; i++) {
        maildiag.diagnose(simulation.context());
      }
      double oneMs = new Stats(List.of(
          Timing.millis(() -> maildiag.diagnose(simulation.context())),
          Timing.millis(() -> maildiag.diagnose(simulation.context())),
          Timing.millis(() -> maildiag.diagnose(simulation.context())))).median();
      int baseline = steadyThreadCount(threads);
      System.gc();
      List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
      long heapBefore = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);

      ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Report>> reports = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        reports.add(callers.submit(() -> {
          go.await();
          return maildiag.diagnose(simulation.context());
        }));
      }
      long t0 = System.nanoTime();
      go.countDown();
      int completed = 0;
      List<String> verdicts = new ArrayList<>();
      for (Future<Report> r : reports) {
        Report report = r.get(5, TimeUnit.MINUTES);
        completed++;
        verdicts.add(report.verdict().name());
      }
      double allMs = (System.nanoTime() - t0) / 1e6;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      callers.shutdown();
      callers.awaitTermination(1, TimeUnit.MINUTES);
      int peakThreads = threads.getPeakThreadCount();
      int after = threadCountBackTo(threads, baseline);
      long distinctOk = verdicts.stream().filter(v -> v.equals(verdicts.get(0))).count();
      f.row("diagnoses completed", completed + " / " + AT_ONCE, "all", completed == AT_ONCE)
          .row("live threads after / baseline", after + " / " + baseline, "back to baseline", after <= baseline)
          .row("peak heap during the run", String.format(Locale.ROOT, "%.0f MB (%.0f MB before)", peak / 1e6, heapBefore / 1e6), "reported", true)
          .note(String.format(Locale.ROOT, "Scenario %s/%s. %d at once took %.0f ms; one alone %.0f ms (%.1fx for %dx the work). "
                  + "%d of %d reports have verdict %s. Peak live threads %d.",
              scenario.provider(), scenario.failureMode(), AT_ONCE, allMs, oneMs, allMs / oneMs, AT_ONCE, distinctOk, AT_ONCE,
              verdicts.get(0), peakThreads));
    }
    return f;
  }

  /** The live thread count once it is steady (three equal readings half a second apart, at most 10 s). */
  private static int steadyThreadCount(ThreadMXBean threads) throws InterruptedException {
    int count = threads.getThreadCount();
    for (int stable = 0, i = 0; stable < 3 && i < 20; i++) {
      Thread.sleep(500);
      int now = threads.getThreadCount();
      stable = now == count ? stable + 1 : 0;
      count = now;
    }
    return count;
  }

  /** The live thread count once it is back to {@code target}, or after 70 s (idle pool threads time out at 60 s). */
  private static int threadCountBackTo(ThreadMXBean threads, int target) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(70);
    int count = threads.getThreadCount();
    while (count > target && System.nanoTime() < end) {
      Thread.sleep(250);
      count = threads.getThreadCount();
    }
    return count;
  }

  private ConcurrencyFigure() {}
}
