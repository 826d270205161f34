package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import java.util.List;

/**
 * What a module adds to maildiag: checks, root causes and interpreters. Found with
 * {@link java.util.ServiceLoader} through maildiag's own class loader and the thread's context class loader
 * (list the class in {@code META-INF/services/dev.maildiag.api.spi.DiagnosticsProvider}), or registered
 * explicitly with {@link dev.maildiag.api.Maildiag.Builder#provider}, which each runner does for itself: a
 * provider's instance, with what it was configured with, belongs to the runners it is given to.
 */
public interface DiagnosticsProvider {
  /**
   * Stable provider id, e.g. {@code core}, {@code microsoft}, {@code google}.
   *
   * @return the id
   */
  String id();

  /**
   * Whether this provider's checks should run for the context (interpreters are always asked).
   *
   * @param context the context as configured
   * @return whether this provider's checks run; true by default
   */
  default boolean appliesTo(DiagnosticContext context) {
    return true;
  }

  /**
   * Fills in what the provider's catalog knows and the caller left out (e.g. the token endpoint from the
   * tenant and cloud). Never replaces a value the caller set: those are what is being diagnosed.
   *
   * @param context the context as configured
   * @return the completed context; the same context by default
   */
  default DiagnosticContext withDefaults(DiagnosticContext context) {
    return context;
  }

  /**
   * This provider's own fix for a root cause in this context (exact portal paths, cmdlets, settings), used
   * for findings that name the cause without a fix of their own; empty to leave it to others.
   *
   * @param rootCause a root-cause id
   * @param context the diagnosed context
   * @return the provider's fix, or empty
   */
  default java.util.Optional<Remediation> remediation(String rootCause, DiagnosticContext context) {
    return java.util.Optional.empty();
  }

  /**
   * This provider's checks, each registered once here.
   *
   * @return the checks; none by default
   */
  default List<Check> checks() {
    return List.of();
  }

  /**
   * Root causes of this provider's own, beyond the built-in ones.
   *
   * @return the root causes; none by default
   */
  default List<RootCause> rootCauses() {
    return List.of();
  }

  /**
   * This provider's interpreters of server answers and error texts.
   *
   * @return the interpreters; none by default
   */
  default List<Interpreter> interpreters() {
    return List.of();
  }
}
