package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Redactor;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What a running check can use: the diagnosed context, the facts learned so far, time limits, interpreters. */
public final class CheckContext {
  private final DiagnosticContext context;
  private final Facts facts;
  private final Explainer explainer;
  private final Queue<AutoCloseable> closeOnTimeout = new ConcurrentLinkedQueue<>();
  private volatile Redactor redactor;
  private volatile int redactorSecrets = -1;

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

  /**
   * The text with every secret of the diagnosis (in any encoding) and everything shaped like a secret
   * blanked. Every text a peer sent or the user typed passes this before it goes into a finding, a log line
   * or an exception message; the runner applies it to every finding again.
   */
  public String redact(String text) {
    return redactor().redact(text);
  }

  /** The redaction of this diagnosis, knowing the context's secrets and those learned so far. */
  private Redactor redactor() {
    java.util.List<dev.maildiag.api.Secret> learned = facts.secrets();
    Redactor r = redactor;
    if (r == null || redactorSecrets != learned.size()) {
      r = Redactor.forContext(context).with(learned);
      redactor = r;
      redactorSecrets = learned.size();
    }
    return r;
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
    if (closeOnTimeout.isEmpty()) {
      return;
    }
    // closing a socket or store can block (a TLS close_notify to a peer that reads nothing); the runner's
    // timer must not wait for that, or every other check's time limit would be late
    Thread closer = new Thread(() -> {
      AutoCloseable c;
      while ((c = closeOnTimeout.poll()) != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // best effort: the check has already been given up
        }
      }
    }, "maildiag-abandon");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(100); // a close that works takes microseconds: done before the finding is made, as a rule
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
