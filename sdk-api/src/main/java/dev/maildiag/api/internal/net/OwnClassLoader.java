package dev.maildiag.api.internal.net;

import java.util.concurrent.Callable;

/**
 * Runs Jakarta Mail's look-ups with maildiag's own class loader as the thread's context loader. Jakarta Mail
 * finds stores, transports and its stream provider through the context loader first; in a host (an OSGi
 * framework, a plugin system, next to a shaded copy) that loader sees another Jakarta Mail or none.
 */
public final class OwnClassLoader {
  private OwnClassLoader() {}

  public static <T, E extends Exception> T call(MailCall<T, E> call) throws E {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(OwnClassLoader.class.getClassLoader());
    try {
      return call.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** A look-up that may throw the mail library's checked exception. */
  @FunctionalInterface
  public interface MailCall<T, E extends Exception> {
    T call() throws E;
  }
}
