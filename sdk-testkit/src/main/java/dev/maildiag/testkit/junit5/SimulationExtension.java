package dev.maildiag.testkit.junit5;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Report;
import dev.maildiag.testkit.Simulation;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 side of a simulated provider: a parameter or field carrying the annotation {@code A} gets
 * a started simulation ({@code S}), its {@link DiagnosticContext}, or the {@link Report} of diagnosing
 * it; the simulation stops when the test (or, for fields, the test instance) is done. A provider's
 * extension only says how to start its simulation from the annotation, e.g.
 * {@link SimulatedMicrosoft365Extension}; {@code @SimulatedGoogle} works the same way.
 *
 * @param <A> the annotation
 * @param <S> the simulation type
 */
public abstract class SimulationExtension<A extends Annotation, S extends Simulation> implements ParameterResolver, TestInstancePostProcessor {
  private final Class<A> annotation;
  private final Class<S> simulationType;

  /**
   * An extension for one annotation and simulation type.
   *
   * @param annotation the annotation on fields and parameters
   * @param simulationType the type of simulation it starts
   */
  protected SimulationExtension(Class<A> annotation, Class<S> simulationType) {
    this.annotation = annotation;
    this.simulationType = simulationType;
  }

  /**
   * Starts the simulation the annotation describes.
   *
   * @param settings the annotation on the field or parameter
   * @return the running simulation
   * @throws Exception when it cannot start
   */
  protected abstract S start(A settings) throws Exception;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.isAnnotated(annotation) && supportsType(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    A settings = parameter.findAnnotation(annotation).orElseThrow();
    return valueFor(parameter.getParameter().getType(), settings, extension, parameter.getParameter());
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext extension) throws Exception {
    for (Class<?> c = instance.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Optional<A> settings = Optional.ofNullable(field.getAnnotation(annotation));
        if (settings.isPresent() && supportsType(field.getType())) {
          field.setAccessible(true);
          field.set(instance, valueFor(field.getType(), settings.get(), extension, field));
        }
      }
    }
  }

  private boolean supportsType(Class<?> type) {
    return type.isAssignableFrom(simulationType) || type == DiagnosticContext.class || type == Report.class;
  }

  private Object valueFor(Class<?> type, A settings, ExtensionContext extension, AnnotatedElement element) {
    ExtensionContext.Store store = extension.getStore(ExtensionContext.Namespace.create(getClass(), extension.getUniqueId()));
    Running running = store.getOrComputeIfAbsent(settings, s -> {
      try {
        return new Running(start(settings));
      } catch (Exception e) {
        throw new ParameterResolutionException("Could not start the simulation for " + element + ": " + e, e);
      }
    }, Running.class);
    S simulation = simulationType.cast(running.simulation);
    if (type == DiagnosticContext.class) {
      return simulation.context();
    }
    if (type == Report.class) {
      return simulation.maildiag().diagnose(simulation.context());
    }
    return simulation;
  }

  /** Closes the simulation when JUnit closes the store. */
  private static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Simulation simulation;

    Running(Simulation simulation) {
      this.simulation = simulation;
    }

    @Override
    public void close() {
      simulation.close();
    }
  }
}
