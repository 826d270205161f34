package dev.maildiag.testkit;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Facts;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@link Check} on its own, as the runner runs it within a diagnosis, and gives its {@link Finding}: the
 * way to test a check, yours or a provider's, without a whole diagnosis. The facts that earlier checks would have
 * published are preset with {@link #fact}; interpreters are those on the class path unless {@link #interpreters}
 * names others.
 *
 * <pre>{@code
 * Finding finding = CheckTester.forCheck(new MailboxIsLowerCase())
 *     .context(DiagnosticContext.builder().protocol(Protocol.IMAP).host("imap.example.com").login("Help@Example.com").build())
 *     .run();
 * FindingAssert.assertThat(finding).hasSeverity(Severity.WARNING);
 * }</pre>
 *
 * <p>Like the runner, {@link #run()} stamps the check's id and duration, turns an exception into an ERROR finding,
 * and stops a check at its time limit ({@link DiagnosticContext.Timeouts#check()}) with the check's own
 * {@link Check#timedOut timed-out finding}. The run is one diagnosis: what the check leaves open or
 * {@linkplain CheckContext#own gives to the diagnosis} is closed when it ends; {@link #after} runs earlier checks in
 * it first. A tester runs once; make a new one for the next run.
 */
public final class CheckTester {
  private final Check check;
  private final DiagnosticsProvider provider;
  private DiagnosticContext context;
  private Facts facts = new Facts();
  private Explainer explainer;
  private final List<Check> earlier = new ArrayList<>();
  private final List<Finding> earlierFindings = new ArrayList<>();
  private boolean ran;

  private CheckTester(Check check, DiagnosticsProvider provider) {
    this.check = Objects.requireNonNull(check, "check");
    this.provider = provider;
  }

  /**
   * A tester for this check.
   *
   * @param check the check to run
   * @return a tester still needing a {@linkplain #context context}
   */
  public static CheckTester forCheck(Check check) {
    return new CheckTester(check, null);
  }

  /**
   * A tester for one of a provider's checks, by id. The context is completed with the provider's
   * {@link DiagnosticsProvider#withDefaults defaults}, and a finding naming a root cause without a fix gets the
   * provider's {@link DiagnosticsProvider#remediation remediation}, as in a diagnosis.
   *
   * @param provider the provider, e.g. {@code new MicrosoftDiagnostics()}
   * @param checkId the check's id, e.g. {@code microsoft.scopes}
   * @return a tester still needing a {@linkplain #context context}
   * @throws IllegalArgumentException when the provider has no check with this id
   */
  public static CheckTester forCheck(DiagnosticsProvider provider, String checkId) {
    Check check = provider.checks().stream().filter(c -> c.info().id().equals(checkId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("provider " + provider.id() + " has no check " + checkId + "; it has "
            + provider.checks().stream().map(c -> c.info().id()).toList()));
    return new CheckTester(check, provider);
  }

  /**
   * The context to diagnose.
   *
   * @param context the context, e.g. built with {@link DiagnosticContext#builder()}
   * @return this tester
   */
  public CheckTester context(DiagnosticContext context) {
    this.context = Objects.requireNonNull(context, "context");
    return this;
  }

  /**
   * Diagnoses a running simulation's context.
   *
   * @param simulation a started simulation, e.g. {@code Microsoft365Simulation.failing("scopes").start()}
   * @return this tester
   */
  public CheckTester context(Simulation simulation) {
    return context(simulation.context());
  }

  /**
   * A fact that an earlier check of a diagnosis would have published, e.g. {@link Facts#ACCESS_TOKEN}.
   *
   * @param key the fact's key
   * @param value its value
   * @param <T> the fact's type
   * @return this tester
   */
  public <T> CheckTester fact(Key<T> key, T value) {
    facts.put(key, value);
    return this;
  }

  /**
   * Runs with these facts instead of fresh ones, e.g. those another tester's check published.
   *
   * @param shared the facts to read and publish to
   * @return this tester
   */
  public CheckTester facts(Facts shared) {
    this.facts = Objects.requireNonNull(shared, "facts");
    return this;
  }

  /**
   * The interpreters the check may ask to explain what it saw, instead of every one on the class path.
   *
   * @param interpreters the interpreters, none to have nothing recognised
   * @return this tester
   */
  public CheckTester interpreters(Interpreter... interpreters) {
    this.explainer = Explainer.of(List.of(interpreters));
    return this;
  }

  /**
   * Checks to run first, in this order and in the same diagnosis, as the runner would run the checks this one
   * comes {@linkplain dev.maildiag.api.spi.CheckInfo#after after}: what they publish in the facts, and what they hand on
   * ({@link CheckContext#handOn}, e.g. the open mail connection), reaches the tested check.
   *
   * @param checks the earlier checks
   * @return this tester
   */
  public CheckTester after(Check... checks) {
    earlier.addAll(List.of(checks));
    return this;
  }

  /**
   * The findings of the {@linkplain #after earlier checks}, once {@link #run()} has run.
   *
   * @return their findings, in order
   */
  public List<Finding> earlierFindings() {
    return List.copyOf(earlierFindings);
  }

  /**
   * The facts the check ran with, including those it published.
   *
   * @return the facts
   */
  public Facts facts() {
    return facts;
  }

  /**
   * Whether the check applies to the context, i.e. whether a diagnosis would run it at all.
   *
   * @return the check's {@link Check#appliesTo} for the (completed) context
   */
  public boolean applies() {
    return check.appliesTo(completed());
  }

  /**
   * Runs the check once, as a diagnosis would.
   *
   * @return its finding, stamped with the check's id and duration; never {@code null}
   * @throws IllegalStateException without a context, when the check does not apply to it, or when run twice
   */
  public Finding run() {
    if (ran) {
      throw new IllegalStateException("a CheckTester runs its check once; make a new one");
    }
    ran = true;
    DiagnosticContext diagnosed = completed();
    if (!check.appliesTo(diagnosed)) {
      throw new IllegalStateException("check " + check.info().id() + " does not apply to this context, so a diagnosis "
          + "would not run it: " + diagnosed.describe());
    }
    // one diagnosis: it owns what the checks open, and ends (closing what is left) when the tested check is done
    try (CheckContext diagnosis = new CheckContext(diagnosed, facts, explainer != null ? explainer : Explainer.discover())) {
      for (Check e : earlier) {
        earlierFindings.add(runOne(e, diagnosis.forCheck(), diagnosed));
      }
      return runOne(check, diagnosis.forCheck(), diagnosed);
    }
  }

  private Finding runOne(Check c, CheckContext ctx, DiagnosticContext diagnosed) {
    Duration limit = diagnosed.timeouts().check();
    long started = System.nanoTime();
    Finding finding = runWithin(c, ctx, limit);
    Finding stamped = finding.stamped(c.info().id(), Duration.ofNanos(System.nanoTime() - started));
    if (provider != null && stamped.rootCause() != null && stamped.remediation().isEmpty()) {
      stamped = provider.remediation(stamped.rootCause(), diagnosed).map(stamped::withRemediation).orElse(stamped);
    }
    return stamped;
  }

  private DiagnosticContext completed() {
    if (context == null) {
      throw new IllegalStateException("no context: call context(...) first");
    }
    return provider != null ? provider.withDefaults(context) : context;
  }

  private static Finding runWithin(Check check, CheckContext ctx, Duration limit) {
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "check-tester-" + check.info().id());
      t.setDaemon(true);
      return t;
    });
    try {
      Future<Finding> work = thread.submit(() -> check.run(ctx));
      try {
        Finding finding = work.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        return finding != null ? finding
            : Finding.error("The check returned no finding").detail("This is a bug in the check " + check.info().id()).build();
      } catch (TimeoutException e) {
        ctx.abandon();
        work.cancel(true);
        return check.timedOut(ctx, limit);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        return Finding.error("The check failed unexpectedly: " + cause.getClass().getSimpleName())
            .detail(cause.getMessage() == null ? "" : cause.getMessage()).build();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        work.cancel(true);
        return Finding.skipped("Interrupted").build();
      }
    } finally {
      thread.shutdownNow();
    }
  }
}
