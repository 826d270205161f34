package dev.maildiag.api;

import dev.maildiag.api.internal.run.CheckPlan;
import dev.maildiag.api.internal.run.DiagnosisRun;
import dev.maildiag.api.internal.run.RootCauses;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.SignIn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Runs a diagnosis: finds the checks, orders them by dependency, runs independent ones concurrently
 * within their time limits, and returns a {@link Report}.
 *
 * <pre>{@code
 * Report report = Maildiag.create().diagnose(context);
 * if (report.verdict() != Verdict.OK) {
 *   report.topRootCause().ifPresent(cause -> log.warn("Mail will fail: {}", cause.title()));
 * }
 * }</pre>
 */
public final class Maildiag {
  private final List<DiagnosticsProvider> providers;
  private final List<Check> extraChecks;
  private final Set<Stage> stages;
  private final Set<String> excluded;
  private final Explainer explainer;

  private Maildiag(Builder b) {
    List<DiagnosticsProvider> all = new ArrayList<>(b.providers);
    if (b.discover) {
      for (DiagnosticsProvider p : ServiceLoader.load(DiagnosticsProvider.class)) {
        if (all.stream().noneMatch(q -> q.id().equals(p.id()))) {
          all.add(p);
        }
      }
    }
    this.providers = List.copyOf(all);
    this.extraChecks = List.copyOf(b.checks);
    this.stages = EnumSet.copyOf(b.stages);
    this.excluded = Set.copyOf(b.excluded);
    List<Interpreter> interpreters = new ArrayList<>();
    for (DiagnosticsProvider p : providers) {
      p.rootCauses().forEach(RootCauses::register);
      interpreters.addAll(p.interpreters());
    }
    if (b.discover) {
      ServiceLoader.load(Interpreter.class).forEach(interpreters::add);
    }
    this.explainer = Explainer.of(interpreters);
  }

  /** A runner with every provider found on the class path. */
  public static Maildiag create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the diagnosis. Never throws for problems found; they are findings. */
  public Report diagnose(DiagnosticContext context) {
    return diagnose(context, DiagnosisListener.NONE);
  }

  /**
   * Runs the diagnosis, telling {@code listener} as each check finishes. When the context holds a
   * {@link SignIn} ({@link SignIn#ATTRIBUTE}), signs in first and diagnoses with the tokens obtained: the
   * sign-in's steps come first in the report. A sign-in that gives no tokens leaves out the checks that need
   * them (never falling back to another grant the handler does not use).
   */
  public Report diagnose(DiagnosticContext context, DiagnosisListener listener) {
    DiagnosticContext completed = withDefaults(context);
    Optional<SignIn> signIn = completed.attribute(SignIn.ATTRIBUTE);
    if (signIn.isEmpty()) {
      return new DiagnosisRun(plan(completed), completed, explainer, listener, id -> remediation(id, completed)).run();
    }
    SignIn.Outcome outcome = signIn.get().perform(completed, explainer);
    DiagnosticContext signedIn = outcome.applyTo(completed);
    List<Check> checks = new ArrayList<>(outcome.checks());
    for (Check c : plan(signedIn).checks()) {
      boolean needsTokens = c.info().stage() == Stage.OAUTH || c.info().stage() == Stage.MAILBOX;
      if (outcome.signedIn() || !needsTokens) {
        checks.add(c);
      }
    }
    return new DiagnosisRun(CheckPlan.of(checks), signedIn, explainer, listener, id -> remediation(id, signedIn)).run();
  }

  /** The context with what applicable providers' catalogs fill in for missing settings. */
  public DiagnosticContext withDefaults(DiagnosticContext context) {
    DiagnosticContext completed = context;
    for (DiagnosticsProvider p : providers) {
      if (p.appliesTo(completed)) {
        completed = p.withDefaults(completed);
      }
    }
    return completed;
  }

  /** The checks that would run for the context, in report order. */
  public CheckPlan plan(DiagnosticContext context) {
    List<Check> checks = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Check c : extraChecks) {
      if (ids.add(c.info().id())) {
        checks.add(c);
      }
    }
    for (DiagnosticsProvider p : providers) {
      if (!p.appliesTo(context)) {
        continue;
      }
      for (Check c : p.checks()) {
        if (ids.add(c.info().id())) {
          checks.add(c);
        }
      }
    }
    checks.removeIf(c -> !stages.contains(c.info().stage()) || excluded.contains(c.info().id()) || !c.appliesTo(context));
    return CheckPlan.of(checks);
  }

  /**
   * The most specific fix for a root cause in a context: the first applicable provider's own, else the
   * registry's generic one.
   */
  public Remediation remediation(String rootCause, DiagnosticContext context) {
    for (DiagnosticsProvider p : providers) {
      if (p.appliesTo(context)) {
        java.util.Optional<Remediation> own = p.remediation(rootCause, context);
        if (own.isPresent() && !own.get().isEmpty()) {
          return own.get();
        }
      }
    }
    return RootCauses.find(rootCause).map(RootCause::remediation).orElse(Remediation.NONE);
  }

  /** The explainer over every provider's interpreters. */
  public Explainer explainer() {
    return explainer;
  }

  public List<DiagnosticsProvider> providers() {
    return providers;
  }

  /** Configures a {@link Maildiag}. */
  public static final class Builder {
    private boolean discover = true;
    private final List<DiagnosticsProvider> providers = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private Set<Stage> stages = EnumSet.allOf(Stage.class);
    private final Set<String> excluded = new LinkedHashSet<>();

    private Builder() {}

    /** Whether to find providers with {@link ServiceLoader} (default true). */
    public Builder discoverProviders(boolean discover) {
      this.discover = discover;
      return this;
    }

    public Builder provider(DiagnosticsProvider provider) {
      providers.add(provider);
      return this;
    }

    /** Adds a check of the caller's own; it runs with the providers' checks. */
    public Builder check(Check check) {
      checks.add(check);
      return this;
    }

    /** Only runs checks of these stages, e.g. {@code Stage.CONFIG} for an offline check. */
    public Builder stages(Stage first, Stage... rest) {
      this.stages = EnumSet.of(first, rest);
      return this;
    }

    /** Leaves out a check by id. */
    public Builder exclude(String checkId) {
      excluded.add(checkId);
      return this;
    }

    public Maildiag build() {
      return new Maildiag(this);
    }
  }
}
