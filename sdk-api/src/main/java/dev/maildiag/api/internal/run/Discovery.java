package dev.maildiag.api.internal.run;

import dev.maildiag.api.Maildiag;
import dev.maildiag.api.internal.checks.CoreDiagnostics;
import dev.maildiag.api.spi.DiagnosticsProvider;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.SignatureTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers and interpreters with {@link ServiceLoader} through maildiag's own class loader and the
 * thread's context class loader. The context loader alone finds nothing under a plug-in system, an OSGi
 * container or an application server whose context loader does not see maildiag's jars; maildiag's own
 * loader alone misses add-ons that only the application sees.
 */
public final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  // the JDK only promises a best effort to move past a broken entry; stop rather than loop on one
  private static final int MAX_ERRORS = 20;

  private Discovery() {}

  /** Every provider both loaders find, the first of each id kept, maildiag's own loader first. */
  public static List<DiagnosticsProvider> providers() {
    return find(DiagnosticsProvider.class, DiagnosticsProvider::id);
  }

  /** Every interpreter listed on its own, one per class, maildiag's own loader first. */
  public static List<Interpreter> interpreters() {
    return find(Interpreter.class, i -> i.getClass().getName());
  }

  /** The core provider, which every runner has whatever discovery finds. */
  public static DiagnosticsProvider core() {
    return new CoreDiagnostics();
  }

  /**
   * One interpreter per class, in order, signature tables after the interpreters that read one provider's
   * answers in context (the order the explainer breaks ties in).
   */
  public static List<Interpreter> distinct(List<Interpreter> interpreters) {
    Map<String, Interpreter> byClass = new LinkedHashMap<>();
    interpreters.stream().filter(i -> !(i instanceof SignatureTable)).forEach(i -> byClass.putIfAbsent(i.getClass().getName(), i));
    interpreters.stream().filter(i -> i instanceof SignatureTable).forEach(i -> byClass.putIfAbsent(i.getClass().getName(), i));
    return new ArrayList<>(byClass.values());
  }

  private static <T> List<T> find(Class<T> type, Function<T, String> identity) {
    Map<String, T> found = new LinkedHashMap<>();
    for (ClassLoader loader : loaders()) {
      Iterator<T> it = ServiceLoader.load(type, loader).iterator();
      int errors = 0;
      while (errors < MAX_ERRORS) {
        try {
          if (!it.hasNext()) {
            break;
          }
          T service = it.next();
          found.putIfAbsent(identity.apply(service), service);
        } catch (ServiceConfigurationError e) {
          // one broken entry (a class the loader cannot see or build) must not hide the others
          LOG.warn("skipping a {} that cannot be loaded: {}", type.getSimpleName(), e.getMessage());
          errors++;
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static List<ClassLoader> loaders() {
    List<ClassLoader> loaders = new ArrayList<>();
    ClassLoader own = Maildiag.class.getClassLoader();
    loaders.add(own == null ? ClassLoader.getSystemClassLoader() : own);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loaders.get(0)) {
      loaders.add(context);
    }
    return loaders;
  }
}
