package dev.maildiag.api;

import dev.maildiag.api.internal.run.CheckPlan;
import dev.maildiag.api.internal.run.DiagnosisRun;
import dev.maildiag.api.internal.run.Discovery;
import dev.maildiag.api.internal.run.RootCauseRegistry;
import dev.maildiag.api.internal.run.Wiring;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.SignIn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runs a diagnosis: finds the checks, orders them by dependency, runs independent ones concurrently
 * within their time limits, and returns a {@link Report}.
 *
 * <p>Everything a runner knows (its providers, checks, root causes, interpreters) belongs to it: two
 * runners in one JVM never see each other's registrations. A runner is immutable and may be shared by
 * threads. The core checks are always present; providers are found through maildiag's own class loader
 * and the thread's context class loader, or registered with {@link Builder#provider}.
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
  private final RootCauseRegistry rootCauses;
  private final Executor executor;

  private Maildiag(Builder b) {
    // explicit registrations first: they win over a discovered provider of the same id
    Map<String, DiagnosticsProvider> byId = new LinkedHashMap<>();
    b.providers.forEach(p -> byId.putIfAbsent(p.id(), p));
    if (b.discover) {
      Discovery.providers().forEach(p -> byId.putIfAbsent(p.id(), p));
    }
    DiagnosticsProvider core = Discovery.core();
    // the core comes first (its checks start the path and its root causes are the built-in ones), whatever
    // order the others were registered or found in
    List<DiagnosticsProvider> ordered = new ArrayList<>();
    ordered.add(Objects.requireNonNullElse(byId.remove(core.id()), core));
    ordered.addAll(byId.values());
    this.providers = List.copyOf(ordered);
    this.extraChecks = List.copyOf(b.checks);
    this.stages = b.stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(b.stages);
    this.excluded = Set.copyOf(b.excluded);
    this.executor = b.executor;

    List<RootCause> causes = new ArrayList<>();
    for (DiagnosticsProvider p : providers) {
      causes.addAll(p.rootCauses());
    }
    causes.addAll(b.rootCauses);
    this.rootCauses = RootCauseRegistry.of(causes);
    Wiring.checks(allChecks(), rootCauses);
    // interpreters read their catalogs when made: only a runner that interprets something pays for that
    List<Interpreter> listed = List.copyOf(b.interpreters);
    boolean discover = b.discover;
    this.explainer = Explainer.deferred(() -> {
      List<Interpreter> interpreters = new ArrayList<>();
      for (DiagnosticsProvider p : providers) {
        interpreters.addAll(p.interpreters());
      }
      interpreters.addAll(listed);
      if (discover) {
        interpreters.addAll(Discovery.interpreters());
      }
      interpreters = Discovery.distinct(interpreters);
      Wiring.tables(interpreters, rootCauses);
      return interpreters;
    });
  }

  /**
   * A runner with the core checks and every provider found on the class path.
   *
   * @return the runner
   */
  public static Maildiag create() {
    return builder().build();
  }

  /**
   * Starts configuring a runner: providers, checks, root causes, stages, executor.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the diagnosis. Never throws for problems found; they are findings.
   *
   * @param context what to diagnose
   * @return the report
   */
  public Report diagnose(DiagnosticContext context) {
    return diagnose(context, DiagnosisListener.NONE);
  }

  /**
   * Runs the diagnosis, telling {@code listener} as each check finishes. When every check that applies is
   * offline ({@link Stage#CONFIG}), it runs on the calling thread as {@link #preflight} does; otherwise on
   * the {@linkplain Builder#executor executor} given, or on a small pool of the diagnosis' own. When the
   * context holds a {@link SignIn} ({@link SignIn#ATTRIBUTE}), signs in first and diagnoses with the tokens
   * obtained: the sign-in's steps come first in the report. A sign-in that gives no tokens leaves out the
   * checks that need them (never falling back to another grant the handler does not use).
   *
   * @param context what to diagnose
   * @param listener hears about each check; {@link DiagnosisListener#NONE} for nobody
   * @return the report
   */
  public Report diagnose(DiagnosticContext context, DiagnosisListener listener) {
    long called = System.nanoTime(); // the deadline counts from here: completing and planning are part of it
    DiagnosticContext completed = withDefaults(context);
    Optional<SignIn> signIn = completed.attribute(SignIn.ATTRIBUTE);
    if (signIn.isEmpty()) {
      return start(checkPlan(completed, stages), completed, listener, called);
    }
    SignIn.Outcome outcome = signIn.get().perform(completed, explainer);
    DiagnosticContext signedIn = outcome.applyTo(completed);
    List<Check> checks = new ArrayList<>(outcome.checks());
    for (Check c : checkPlan(signedIn, stages).checks()) {
      boolean needsTokens = c.info().stage() == Stage.OAUTH || c.info().stage() == Stage.MAILBOX;
      if (outcome.signedIn() || !needsTokens) {
        checks.add(c);
      }
    }
    // a sign-in waits for a person: the diagnosis' deadline counts from when it is done
    return start(CheckPlan.of(checks), signedIn, listener, System.nanoTime());
  }

  private Report start(CheckPlan plan, DiagnosticContext completed, DiagnosisListener listener, long called) {
    DiagnosisRun run = run(plan, completed, listener).countingFrom(called);
    return plan.checks().stream().allMatch(c -> c.info().stage() == Stage.CONFIG) ? run.runInline() : run.run();
  }

  /**
   * Runs only the offline checks ({@link Stage#CONFIG}: settings, endpoints, scopes, token claims that need no
   * network), one after the other on the calling thread: no thread is started and nothing waits, so it is
   * cheap enough to run on every save of a configuration form. A pre-flight in which no check applies is
   * {@link Verdict#WARNING}, never OK. A {@link SignIn} in the context is not performed (it needs the network).
   *
   * @param context what to check
   * @return the report of the offline checks
   */
  public Report preflight(DiagnosticContext context) {
    DiagnosticContext completed = withDefaults(context);
    Set<Stage> offline = stages.contains(Stage.CONFIG) ? EnumSet.of(Stage.CONFIG) : EnumSet.noneOf(Stage.class);
    return run(checkPlan(completed, offline), completed, DiagnosisListener.NONE).runInline();
  }

  private DiagnosisRun run(CheckPlan plan, DiagnosticContext completed, DiagnosisListener listener) {
    return new DiagnosisRun(plan, completed, explainer, listener, id -> remediation(id, completed), rootCauses, executor);
  }

  /**
   * The context with what applicable providers' catalogs fill in for missing settings.
   *
   * @param context the context as configured
   * @return the completed context; settings the caller gave are never replaced
   */
  public DiagnosticContext withDefaults(DiagnosticContext context) {
    DiagnosticContext completed = context;
    for (DiagnosticsProvider p : providers) {
      if (p.appliesTo(completed)) {
        completed = p.withDefaults(completed);
      }
    }
    return completed;
  }

  /**
   * The checks that would run for the context (as given, before defaults are filled in), in report order.
   *
   * @param context the context as configured
   * @return the checks' metadata
   */
  public List<CheckInfo> plan(DiagnosticContext context) {
    return checkPlan(context, stages).infos();
  }

  private CheckPlan checkPlan(DiagnosticContext context, Set<Stage> runStages) {
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
    checks.removeIf(c -> !runStages.contains(c.info().stage()) || excluded.contains(c.info().id()) || !c.appliesTo(context));
    return CheckPlan.of(checks);
  }

  private List<Check> allChecks() {
    List<Check> all = new ArrayList<>(extraChecks);
    providers.forEach(p -> all.addAll(p.checks()));
    return all;
  }

  /**
   * The most specific fix for a root cause in a context: the first applicable provider's own, else the
   * root cause's generic one.
   *
   * @param rootCause a root-cause id
   * @param context the diagnosed context
   * @return the remediation; empty for an unknown id
   */
  public Remediation remediation(String rootCause, DiagnosticContext context) {
    for (DiagnosticsProvider p : providers) {
      if (p.appliesTo(context)) {
        Optional<Remediation> own = p.remediation(rootCause, context);
        if (own.isPresent() && !own.get().isEmpty()) {
          return own.get();
        }
      }
    }
    return rootCauses.remediation(rootCause);
  }

  /**
   * A root cause this runner knows, by id: built-in, a provider's or one added with {@link Builder#rootCause}.
   *
   * @param id a root-cause id
   * @return the root cause, or empty
   */
  public Optional<RootCause> rootCause(String id) {
    return rootCauses.find(id);
  }

  /**
   * Every root cause this runner knows, built-in ones first.
   *
   * @return the root causes
   */
  public List<RootCause> rootCauses() {
    return rootCauses.all();
  }

  /**
   * The explainer over every provider's interpreters.
   *
   * @return the explainer
   */
  public Explainer explainer() {
    return explainer;
  }

  /**
   * The providers of this runner: those registered, those discovered, and {@code core}.
   *
   * @return the providers
   */
  public List<DiagnosticsProvider> providers() {
    return providers;
  }

  /** Configures a {@link Maildiag}. */
  public static final class Builder {
    private boolean discover = true;
    private final List<DiagnosticsProvider> providers = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<RootCause> rootCauses = new ArrayList<>();
    private final List<Interpreter> interpreters = new ArrayList<>();
    private Set<Stage> stages = EnumSet.allOf(Stage.class);
    private final Set<String> excluded = new LinkedHashSet<>();
    private Executor executor;

    private Builder() {}

    /**
     * Whether to find providers and interpreters with {@link ServiceLoader} (default true), through
     * maildiag's own class loader and the thread's context class loader. The core checks are there either
     * way.
     *
     * @param discover false to use only the providers registered explicitly
     * @return this builder
     */
    public Builder discoverProviders(boolean discover) {
      this.discover = discover;
      return this;
    }

    /**
     * Registers a provider explicitly, e.g. where a plug-in system hides it from {@link ServiceLoader}. It
     * replaces a discovered provider of the same id.
     *
     * @param provider the provider, e.g. {@code new MicrosoftDiagnostics()}
     * @return this builder
     */
    public Builder provider(DiagnosticsProvider provider) {
      providers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Adds a check of the caller's own; it runs with the providers' checks.
     *
     * @param check the check
     * @return this builder
     */
    public Builder check(Check check) {
      checks.add(Objects.requireNonNull(check, "check"));
      return this;
    }

    /**
     * Adds a root cause of the caller's own, for its checks' findings. Only this runner knows it. An id that
     * exists already must come with the same title.
     *
     * @param rootCause the root cause
     * @return this builder
     */
    public Builder rootCause(RootCause rootCause) {
      rootCauses.add(Objects.requireNonNull(rootCause, "rootCause"));
      return this;
    }

    /**
     * Adds an interpreter of the caller's own, asked with the providers' ones.
     *
     * @param interpreter the interpreter
     * @return this builder
     */
    public Builder interpreter(Interpreter interpreter) {
      interpreters.add(Objects.requireNonNull(interpreter, "interpreter"));
      return this;
    }

    /**
     * Only runs checks of these stages, e.g. {@code Stage.CONFIG} for an offline check.
     *
     * @param first a stage
     * @param rest more stages
     * @return this builder
     */
    public Builder stages(Stage first, Stage... rest) {
      this.stages = EnumSet.of(first, rest);
      return this;
    }

    /**
     * Leaves out a check by id.
     *
     * @param checkId e.g. {@code microsoft.other-protocols}
     * @return this builder
     */
    public Builder exclude(String checkId) {
      excluded.add(checkId);
      return this;
    }

    /**
     * Runs a live diagnosis' checks on the caller's executor instead of a pool of the diagnosis' own (at
     * most 8 threads, stopped when it ends). A check that runs out of time gets its finding at its limit
     * and its sockets closed; its task is not interrupted, so the executor should have a thread per
     * concurrent check. Offline diagnoses never use it.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the runner.
     *
     * @throws IllegalStateException when a check names an unknown root cause (in {@link CheckInfo#finds}) or an
     *     unknown check (in {@code requires} or {@code after}), a signature table names an unknown root cause,
     *     or one root-cause id comes with two titles; the message names each
     * @return the runner
     */
    public Maildiag build() {
      return new Maildiag(this);
    }
  }
}
