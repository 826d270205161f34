package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Stage;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What a running check can use: the diagnosed context, the facts learned so far, time limits, interpreters. */
public final class CheckContext {
  private final DiagnosticContext context;
  private final Facts facts;
  private final Explainer explainer;
  private final Queue<AutoCloseable> closeOnTimeout = new ConcurrentLinkedQueue<>();

  public CheckContext(DiagnosticContext context, Facts facts, Explainer explainer) {
    this.context = context;
    this.facts = facts;
    this.explainer = explainer;
  }

  /** A context for running one check on its own, e.g. in a test. */
  public static CheckContext standalone(DiagnosticContext context) {
    return new CheckContext(context, new Facts(), Explainer.discover());
  }

  public DiagnosticContext context() {
    return context;
  }

  public Facts facts() {
    return facts;
  }

  public Timeouts timeouts() {
    return context.timeouts();
  }

  /** Ranked candidates for something this check saw, from every provider's interpreters. */
  public List<Candidate> interpret(Observation observation) {
    return explainer.explain(observation);
  }

  /** An observation made by this check, carrying the diagnosis' context and facts. */
  public Observation observe(String text, Stage stage) {
    return new Observation(text, stage, context.server().protocol(), context.oauth().provider(), facts, context);
  }

  /**
   * Registers a resource (a socket, a mail store) to close if the check runs out of time, so that a
   * thread blocked on it is released instead of lingering.
   */
  public <T extends AutoCloseable> T closeOnTimeout(T resource) {
    closeOnTimeout.add(resource);
    return resource;
  }

  /** Closes what was registered with {@link #closeOnTimeout}; called by the runner. */
  public void abandon() {
    AutoCloseable c;
    while ((c = closeOnTimeout.poll()) != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // best effort: the check has already been given up
      }
    }
  }
}
