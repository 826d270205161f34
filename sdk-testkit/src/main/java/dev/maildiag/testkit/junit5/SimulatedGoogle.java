package dev.maildiag.testkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a running simulated Google (Gmail / Google Workspace) in a failure mode: put it on a parameter or
 * field of type {@link dev.maildiag.api.DiagnosticContext}, {@link dev.maildiag.api.Report} (the diagnosis of it)
 * or {@link dev.maildiag.testkit.google.GoogleSimulation} (the simulation itself).
 *
 * <pre>{@code
 * @Test
 * void namesTheCause(@SimulatedGoogle(failure = "protocol-disabled") Report report) {
 *   assertThat(report).hasTopRootCause("protocol-disabled");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@ExtendWith(SimulatedGoogleExtension.class)
public @interface SimulatedGoogle {
  /**
   * The failure mode, a root-cause id (see {@link dev.maildiag.testkit.google.GoogleSimulation#FAILURES}), or {@code healthy}.
   *
   * @return the failure mode
   */
  String failure() default "healthy";

  /**
   * {@code imap}, {@code pop3} or {@code smtp}.
   *
   * @return the protocol
   */
  String protocol() default "imap";
}
