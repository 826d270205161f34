package dev.maildiag.api.internal.run;

import dev.maildiag.api.DiagnosisListener;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.spi.Candidate;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
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

/**
 * One diagnosis in progress: runs a plan's checks concurrently where dependencies allow ({@link #run}), or
 * one after the other on the caller's thread for offline checks ({@link #runInline}).
 */
public final class DiagnosisRun {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnosisRun.class);
  private static final int MAX_PARALLEL_CHECKS = 8;
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final CheckPlan plan;
  private final DiagnosticContext context;
  private final Explainer explainer;
  private final DiagnosisListener listener;
  private final Function<String, Remediation> remediations;
  private final RootCauseRegistry rootCauses;
  private final Executor executor;
  private final Facts facts = new Facts();
  /** The diagnosis' lifecycle, shared by its checks' contexts; closing it closes what the checks left open. */
  private CheckContext lifecycle;
  // read by checks on pool threads (their prerequisites) while the run is still adding later checks
  private final Map<String, CompletableFuture<Finding>> results = new java.util.concurrent.ConcurrentHashMap<>();
  /** Checks the listener has heard about: each exactly once, however late a check finishes. */
  private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile Redactor redactor;
  private long deadlineNanos;
  /** When the caller asked for the diagnosis ({@link System#nanoTime}), or 0 for when {@link #run} starts. */
  private long countingFrom;

  /**
   * @param remediations the fix for a root cause when a finding names one without a fix of its own
   * @param rootCauses the runner's root causes: a finding naming another id is a bug in its check
   * @param executor where {@link #run} runs checks, or null for a pool of this run's own
   */
  public DiagnosisRun(CheckPlan plan, DiagnosticContext context, Explainer explainer, DiagnosisListener listener,
      Function<String, Remediation> remediations, RootCauseRegistry rootCauses, Executor executor) {
    this.plan = plan;
    this.context = context;
    this.redactor = Redactor.forContext(context);
    this.explainer = explainer;
    this.listener = listener;
    this.remediations = remediations;
    this.rootCauses = rootCauses;
    this.executor = executor;
  }

  /**
   * Runs the checks one after the other on the calling thread, with no pool and no timer: for offline
   * (configuration) checks, which compute and never wait, so a time limit has nothing to stop.
   */
  /**
   * Counts the deadline from {@code nanoTime}, when the diagnosis was asked for: what happened before the run
   * (completing the context, planning, signing in) is part of the time the caller was promised.
   */
  public DiagnosisRun countingFrom(long nanoTime) {
    this.countingFrom = nanoTime;
    return this;
  }

  public Report runInline() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    if (LOG.isDebugEnabled()) {
      LOG.debug("diagnosing {} inline with checks {}", context, plan.infos().stream().map(CheckInfo::id).toList());
    }
    listener.started(plan.infos());
    Map<String, Finding> finished = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    try (CheckContext inline = new CheckContext(context, facts, explainer)) {
      for (Check check : plan.checks()) {
        CheckInfo info = check.info();
        Finding finding = blockedBy(info, finished::get);
        if (finding == null) {
          long started = System.nanoTime();
          CheckContext checkContext = inline.forCheck();
          finding = complete(info, redactor().applyingTo(() -> runSafely(check, checkContext)),
              Duration.ofNanos(System.nanoTime() - started));
        } else {
          finding = complete(info, finding, Duration.ZERO);
        }
        finished.put(info.id(), finding);
        findings.add(notifyListener(info, finding));
      }
    }
    return report(findings, startedAt, start);
  }

  public Report run() {
    Instant startedAt = Instant.now();
    long start = countingFrom != 0 ? countingFrom : System.nanoTime();
    deadlineNanos = start + context.timeouts().deadline().toNanos();
    int run = RUNS.incrementAndGet();
    ExecutorService own = executor != null ? null : Executors.newFixedThreadPool(
        Math.max(1, Math.min(MAX_PARALLEL_CHECKS, plan.checks().size())), daemon("maildiag-" + run + "-check-"));
    Executor pool = own != null ? own : executor;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("maildiag-" + run + "-timer-"));
    LOG.debug("diagnosing {} with checks {}", redactor.redact(context.toString()), plan.infos().stream().map(CheckInfo::id).toList());
    listener.started(plan.infos());
    List<Finding> findings = new ArrayList<>();
    lifecycle = new CheckContext(context, facts, explainer);
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
      // whatever happened (all done, a check stuck past the deadline): no connection outlives the diagnosis
      lifecycle.close();
      if (own != null) {
        own.shutdownNow();
      }
      timer.shutdownNow();
    }
    return report(findings, startedAt, start);
  }

  private Report report(List<Finding> findings, Instant startedAt, long start) {
    List<Finding> all = Verdicts.withNothingChecked(findings);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Map<String, String> subject = new LinkedHashMap<>();
    context.describe().forEach((k, v) -> subject.put(k, redactor.redact(v)));
    return new Report(Verdicts.of(all), all, RootCauseRanking.rank(all, rootCauses, remediations), subject, startedAt, took);
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

  private CompletionStage<Finding> start(Check check, Executor pool, ScheduledExecutorService timer) {
    CheckInfo info = check.info();
    Finding blocked = blockedBy(info, id -> {
      CompletableFuture<Finding> prerequisite = results.get(id);
      return prerequisite == null ? null : prerequisite.join();
    });
    if (blocked != null) {
      return done(info, blocked);
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return done(info, incomplete(
          "the diagnosis deadline of " + Durations.format(context.timeouts().deadline()) + " was reached before the check could start"));
    }
    Duration limit = min(context.timeouts().check(), Duration.ofNanos(remaining));
    CheckContext checkContext = lifecycle.forCheck();
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

  /** The SKIPPED finding when a required check did not succeed; null when the check may run. */
  private static Finding blockedBy(CheckInfo info, Function<String, Finding> finished) {
    for (String required : info.requires()) {
      Finding before = finished.apply(required);
      if (before != null && before.severity().blocksDependents()) {
        return Finding.skipped("Skipped because " + required + " did not succeed").build();
      }
    }
    return null;
  }

  private Finding runSafely(Check check, CheckContext ctx) {
    dev.maildiag.api.internal.net.BoundedStreams.takeRefusal(); // none left over from another check on this thread
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
    Finding stamped = Redactions.of(unknownRootCause(info, finding).orElse(finding), redactor()).stamped(info.id(), took);
    if (stamped.rootCause() != null && stamped.remediation().isEmpty()) {
      stamped = stamped.withRemediation(remediations.apply(stamped.rootCause()));
    }
    return stamped;
  }

  /**
   * An ERROR finding naming the bug when a check reports a root cause this runner does not know: shown as
   * the cause's title, a misspelt id would look like a diagnosis.
   */
  private java.util.Optional<Finding> unknownRootCause(CheckInfo info, Finding finding) {
    return finding.candidates().stream().map(Candidate::rootCause).filter(id -> !rootCauses.contains(id)).findFirst()
        .map(id -> Finding.error("The check reported an unknown root cause: " + id)
            .detail("This is a bug in the check " + info.id() + ": '" + id + "' is not a registered root-cause id. "
                + "It said: " + finding.summary())
            .evidence("unknown root cause", id)
            .build());
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
