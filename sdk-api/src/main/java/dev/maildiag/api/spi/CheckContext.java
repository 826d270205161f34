package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Redactor;
import dev.maildiag.api.internal.net.IdentityHttp;
import dev.maildiag.api.internal.probe.ReadOnlyLogins;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a running check can use: the diagnosed context, the facts learned so far, time limits, interpreters,
 * read-only mail logins and identity calls, and the diagnosis' lifecycle.
 *
 * <p>The lifecycle: a diagnosis owns every connection its checks open. A check either closes what it opened
 * itself, gives it to the diagnosis with {@link #own}, or hands it on to a later check with {@link #handOn}
 * (the mail connection goes from check to check this way, so the server is connected to and logged in to
 * once). Whatever is still open when the diagnosis ends, by finishing, failing or reaching its deadline, is
 * closed then. Whoever creates a context with a constructor ends it with {@link #close()}; checks never do.
 */
public final class CheckContext implements AutoCloseable {
  private final DiagnosticContext context;
  private final Facts facts;
  private final Explainer explainer;
  private final RunResources resources;
  private final Queue<AutoCloseable> closeOnTimeout = new ConcurrentLinkedQueue<>();
  private volatile Redactor redactor;
  private volatile int redactorSecrets = -1;

  /**
   * The context of a new diagnosis (its first check); {@link #forCheck()} gives the next checks theirs.
   *
   * @param context the diagnosed context
   * @param facts the facts of the diagnosis, usually new
   * @param explainer interprets what checks see
   */
  public CheckContext(DiagnosticContext context, Facts facts, Explainer explainer) {
    this(context, facts, explainer, new RunResources());
  }

  private CheckContext(DiagnosticContext context, Facts facts, Explainer explainer, RunResources resources) {
    this.context = context;
    this.facts = facts;
    this.explainer = explainer;
    this.resources = resources;
  }

  /**
   * A context for running checks on their own, e.g. in a test; close it to close what they left open.
   *
   * @param context the diagnosed context
   * @return a context with new facts and the interpreters on the class path
   */
  public static CheckContext standalone(DiagnosticContext context) {
    return new CheckContext(context, new Facts(), Explainer.discover());
  }

  /**
   * A context for another check of the same diagnosis: the same facts and lifecycle, its own
   * {@link #closeOnTimeout} registrations.
   *
   * @return the next check's context
   */
  public CheckContext forCheck() {
    return new CheckContext(context, facts, explainer, resources);
  }

  /**
   * What is diagnosed.
   *
   * @return the diagnosed context
   */
  public DiagnosticContext context() {
    return context;
  }

  /**
   * What the diagnosis has learned so far; a check may add to it.
   *
   * @return the facts
   */
  public Facts facts() {
    return facts;
  }

  /**
   * The diagnosis' time limits, which blocking I/O must honour.
   *
   * @return the timeouts
   */
  public Timeouts timeouts() {
    return context.timeouts();
  }

  /**
   * The text with every secret of the diagnosis (in any encoding) and everything shaped like a secret
   * blanked. Every text a peer sent or the user typed passes this before it goes into a finding, a log line
   * or an exception message; the runner applies it to every finding again.
   *
   * @param text what a peer or the user wrote; may be null
   * @return the text with {@code [redacted]} where a secret was
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

  /**
   * Ranked candidates for something this check saw, from every provider's interpreters.
   *
   * @param observation what the check saw
   * @return the candidates, most likely first
   */
  public List<Candidate> interpret(Observation observation) {
    return explainer.explain(observation);
  }

  /**
   * An observation made by this check, carrying the diagnosis' context and facts.
   *
   * @param text what was seen, free of secrets
   * @param stage where it was seen
   * @return the observation
   */
  public Observation observe(String text, Stage stage) {
    return new Observation(text, stage, context.server().protocol(), context.oauth().provider(), facts, context);
  }

  /**
   * Read-only XOAUTH2 logins over any mail protocol and endpoint, with this diagnosis' token, user, proxy
   * route, trust and timeouts: the way provider checks try another protocol.
   *
   * @return the mail logins of this diagnosis
   */
  public MailLogins mail() {
    return new ReadOnlyLogins(this);
  }

  /**
   * HTTP calls to identity endpoints (token, user-info, token-info) with this diagnosis' proxy, trust and timeouts.
   *
   * @return the identity calls of this diagnosis
   */
  public IdentityCalls identity() {
    return new IdentityHttp(this);
  }

  /**
   * Gives a resource to the diagnosis: it is closed when the diagnosis ends, whatever happens (the check may
   * close it earlier itself; closing twice must be harmless).
   *
   * @param resource the resource
   * @param <T> its type
   * @return {@code resource}
   */
  public <T extends AutoCloseable> T own(T resource) {
    return resources.own(resource);
  }

  /**
   * Leaves an open resource for a later check of this diagnosis to {@link #take}. The diagnosis owns it: it is
   * closed when the diagnosis ends if nobody closed it before. A resource already held under the key is closed.
   *
   * @param key the key a later check takes it with
   * @param resource the open resource
   * @param <T> its type
   */
  public <T extends AutoCloseable> void handOn(Key<T> key, T resource) {
    resources.handOn(key, resource);
  }

  /**
   * The resource an earlier check handed on under the key, now the caller's to use and close (register it with
   * {@link #closeOnTimeout}); empty if there is none. The diagnosis still closes it at its end if the caller does not.
   *
   * @param key the key it was handed on with
   * @param <T> its type
   * @return the resource, or empty
   */
  public <T extends AutoCloseable> Optional<T> take(Key<T> key) {
    return resources.take(key);
  }

  /**
   * Registers a resource (a socket, a mail store) to close if the check runs out of time, so that a
   * thread blocked on it is released instead of lingering.
   *
   * @param resource the resource
   * @param <T> its type
   * @return {@code resource}
   */
  public <T extends AutoCloseable> T closeOnTimeout(T resource) {
    closeOnTimeout.add(resource);
    return resource;
  }

  /** Closes what was registered with {@link #closeOnTimeout}; called by the runner when the check runs out of time. */
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

  /** Ends the diagnosis: closes everything it owns and everything handed on that no check took. */
  @Override
  public void close() {
    resources.close();
  }
}
