package dev.maildiag.testkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a running simulated Microsoft 365 in a failure mode: put it on a parameter or field of type
 * {@link dev.maildiag.api.DiagnosticContext}, {@link dev.maildiag.api.Report} (the diagnosis of it) or
 * {@link dev.maildiag.testkit.microsoft.Microsoft365Simulation} (the simulation itself).
 *
 * <pre>{@code
 * @Test
 * void namesTheCause(@SimulatedMicrosoft365(failure = "client-secret-expired") Report report) {
 *   assertThat(report).hasTopRootCause("client-secret-expired");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@ExtendWith(SimulatedMicrosoft365Extension.class)
public @interface SimulatedMicrosoft365 {
  /**
   * The failure mode, a root-cause id, or {@code healthy}.
   *
   * @return the failure mode
   */
  String failure() default "healthy";

  /**
   * {@code worldwide}, {@code gcc}, {@code gcc-high}, {@code dod} or {@code china}.
   *
   * @return the cloud
   */
  String cloud() default "worldwide";

  /**
   * {@code imap}, {@code pop3} or {@code smtp}.
   *
   * @return the protocol
   */
  String protocol() default "imap";
}
