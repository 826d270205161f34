package dev.maildiag.api.internal.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds implementations through maildiag's own class loader first, then the thread's context loader. A
 * context loader of a host (an OSGi framework, an application server, a plugin system) may see nothing of
 * maildiag, or another copy of it whose classes are not ours: such entries are passed over, never fatal.
 */
public final class Discovery {
  private Discovery() {}

  public static <T> List<T> load(Class<T> type) {
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    if (type.getClassLoader() != null) {
      loaders.add(type.getClassLoader());
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    List<T> found = new ArrayList<>();
    Set<Class<?>> seen = new LinkedHashSet<>();
    for (ClassLoader loader : loaders) {
      Iterator<T> it = ServiceLoader.load(type, loader).iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          T t = it.next();
          if (seen.add(t.getClass())) {
            found.add(t);
          }
        } catch (ServiceConfigurationError foreign) {
          // another copy of maildiag, or a provider that cannot load here: not ours to run
        }
      }
    }
    return found;
  }
}
