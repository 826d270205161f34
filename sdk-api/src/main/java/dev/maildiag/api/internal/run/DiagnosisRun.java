package dev.maildiag.api.internal.run;

import dev.maildiag.api.DiagnosisListener;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One diagnosis in progress: runs a plan's checks concurrently where dependencies allow. */
public final class DiagnosisRun {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnosisRun.class);
  private static final int MAX_PARALLEL_CHECKS = 8;
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final CheckPlan plan;
  private final DiagnosticContext context;
  private final Explainer explainer;
  private final DiagnosisListener listener;
  private final Function<String, Remediation> remediations;
  private final Facts facts = new Facts();
  private final Map<String, CompletableFuture<Finding>> results = new LinkedHashMap<>();
  /** Checks the listener has heard about: each exactly once, however late a check finishes. */
  private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile Redactor redactor;
  private long deadlineNanos;

  /**
   * @param remediations the fix for a root cause when a finding names one without a fix of its own
   */
  public DiagnosisRun(CheckPlan plan, DiagnosticContext context, Explainer explainer, DiagnosisListener listener,
      Function<String, Remediation> remediations) {
    this.plan = plan;
    this.context = context;
    this.explainer = explainer;
    this.listener = listener;
    this.remediations = remediations;
  }

  public Report run() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    deadlineNanos = start + context.timeouts().deadline().toNanos();
    int run = RUNS.incrementAndGet();
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(MAX_PARALLEL_CHECKS, plan.checks().size())), daemon("maildiag-" + run + "-check-"));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("maildiag-" + run + "-timer-"));
    redactor = Redactor.forContext(context);
    LOG.debug("diagnosing {} with checks {}", redactor.redact(context.toString()), plan.infos().stream().map(CheckInfo::id).toList());
    listener.started(plan.infos());
    List<Finding> findings = new ArrayList<>();
    try {
      for (Check check : plan.checks()) {
        CompletableFuture<?>[] before = CheckPlan.prerequisites(check.info()).stream()
            .map(results::get).filter(f -> f != null).toArray(CompletableFuture[]::new);
        CompletableFuture<Finding> result = CompletableFuture.allOf(before)
            .thenCompose(ignored -> start(check, pool, timer))
            .thenApply(finding -> notifyListener(check.info(), finding));
        results.put(check.info().id(), result);
      }
      awaitAll();
      for (Check check : plan.checks()) {
        CompletableFuture<Finding> result = results.get(check.info().id());
        Finding finding = result.isDone() && !result.isCompletedExceptionally() ? result.join() : null;
        if (finding == null) {
          finding = notifyListener(check.info(), incomplete(
              "the check did not finish before the diagnosis deadline of " + Durations.format(context.timeouts().deadline()))
              .stamped(check.info().id(), Duration.ofNanos(System.nanoTime() - start)));
        }
        findings.add(finding);
      }
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Map<String, String> subject = new LinkedHashMap<>();
    context.describe().forEach((k, v) -> subject.put(k, redactor.redact(v)));
    return new Report(Verdicts.of(findings), findings, RootCauseRanking.rank(findings, remediations), subject, startedAt, took);
  }

  /**
   * The finding of a check that did not finish: a WARNING, so that an unfinished diagnosis never reads as
   * healthy, with the reason {@value #INCOMPLETE} as evidence.
   */
  static Finding incomplete(String why) {
    return Finding.warning("Incomplete: " + why)
        .detail("What this check verifies is unknown, so the verdict cannot be OK. A server that accepts the connection "
            + "and then goes silent, or a very slow network, keeps a check from finishing; raise --deadline or look at "
            + "the network checks.")
        .evidence("reason", INCOMPLETE)
        .build();
  }

  /** The reason an unfinished check gives; see {@link #incomplete}. */
  public static final String INCOMPLETE = "incomplete";

  private void awaitAll() {
    CompletableFuture<Void> all = CompletableFuture.allOf(results.values().toArray(CompletableFuture[]::new));
    // a small grace (at most 5% of the deadline) lets a check stopped exactly at the deadline report its own
    // finding; after it the report is made whatever the checks still do
    long grace = Math.min(TimeUnit.MILLISECONDS.toNanos(200), context.timeouts().deadline().toNanos() / 20);
    long waitNanos = Math.max(0, deadlineNanos - System.nanoTime()) + grace;
    try {
      all.get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.debug("diagnosis ended with unfinished checks: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletionStage<Finding> start(Check check, ExecutorService pool, ScheduledExecutorService timer) {
    CheckInfo info = check.info();
    for (String required : info.requires()) {
      CompletableFuture<Finding> prerequisite = results.get(required);
      if (prerequisite != null) {
        Finding before = prerequisite.join();
        if (before.severity().blocksDependents()) {
          return done(info, Finding.skipped("Skipped because " + required + " did not succeed").build());
        }
      }
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return done(info, incomplete(
          "the diagnosis deadline of " + Durations.format(context.timeouts().deadline()) + " was reached before the check could start"));
    }
    Duration limit = min(context.timeouts().check(), Duration.ofNanos(remaining));
    CheckContext checkContext = new CheckContext(context, facts, explainer);
    long started = System.nanoTime();
    Redactor redaction = redactor();
    CompletableFuture<Finding> work = CompletableFuture.supplyAsync(
        () -> redaction.applyingTo(() -> runSafely(check, checkContext)), pool);
    TimeLimiter limiter = TimeLimiter.of(info.id(),
        TimeLimiterConfig.custom().timeoutDuration(limit).cancelRunningFuture(true).build());
    return limiter.executeCompletionStage(timer, () -> work).handle((finding, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException) {
          checkContext.abandon();
          finding = check.timedOut(checkContext, limit);
        } else {
          finding = unexpected(cause);
        }
      }
      return complete(info, finding, Duration.ofNanos(System.nanoTime() - started));
    });
  }

  private Finding runSafely(Check check, CheckContext ctx) {
    try {
      Finding finding = check.run(ctx);
      if (finding == null) {
        return Finding.error("The check returned no finding").detail("This is a bug in the check " + check.info().id()).build();
      }
      return finding;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Finding.skipped("Interrupted").build();
    } catch (Exception | LinkageError | AssertionError e) {
      return unexpected(e);
    }
  }

  private Finding unexpected(Throwable e) {
    // never the raw stack trace: an exception message can quote what a peer sent, secrets included
    LOG.debug("check failed unexpectedly: {}", redactor().describe(e));
    return Finding.error("The check failed unexpectedly: " + e.getClass().getSimpleName())
        .detail(e.getMessage() == null ? "" : redactor().redact(e.getMessage()))
        .build();
  }

  /** The redaction for this run: the context's secrets and those learned by the checks so far. */
  private Redactor redactor() {
    Redactor r = redactor.with(facts.secrets());
    redactor = r;
    return r;
  }

  private CompletableFuture<Finding> done(CheckInfo info, Finding finding) {
    return CompletableFuture.completedFuture(complete(info, finding, Duration.ZERO));
  }

  private Finding complete(CheckInfo info, Finding finding, Duration took) {
    Finding stamped = Redactions.of(finding, redactor()).stamped(info.id(), took);
    if (stamped.rootCause() != null && stamped.remediation().isEmpty()) {
      stamped = stamped.withRemediation(remediations.apply(stamped.rootCause()));
    }
    return stamped;
  }

  private Finding notifyListener(CheckInfo info, Finding finding) {
    if (!reported.add(info.id())) {
      return finding; // finished after the deadline, when its place in the report was already given
    }
    LOG.debug("{}: {} {} {}", info.id(), finding.severity(), finding.summary(), finding.evidence());
    try {
      listener.finished(info, finding);
    } catch (RuntimeException e) {
      LOG.warn("diagnosis listener failed: {}", e.toString());
    }
    return finding;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
