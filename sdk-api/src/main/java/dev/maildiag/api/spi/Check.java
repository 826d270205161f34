package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.Durations;

/**
 * One diagnostic step. A check looks at one thing and returns one {@link Finding}; it never returns
 * null and never needs to catch its own failures: the runner turns an exception or a timeout into an
 * ERROR finding, stamps the check id and duration, and skips dependents.
 *
 * <pre>{@code
 * public final class MailboxIsLowerCase implements Check {
 *   public CheckInfo info() {
 *     return CheckInfo.of("acme.mailbox-case", Stage.CONFIG, "Mailbox address is lower case");
 *   }
 *   public Finding run(CheckContext ctx) {
 *     String mailbox = ctx.context().server().effectiveMailbox();
 *     return mailbox.equals(mailbox.toLowerCase()) ? Finding.ok("Mailbox is lower case").build()
 *         : Finding.warning("Mailbox has upper-case letters").build();
 *   }
 * }
 * }</pre>
 */
public interface Check {
  /**
   * What this check is; the same value on every call.
   *
   * @return the check's metadata
   */
  CheckInfo info();

  /**
   * Whether this check means anything for the context (e.g. a POP3 check for an IMAP handler does not).
   *
   * @param context the context to diagnose
   * @return whether to run this check; true by default
   */
  default boolean appliesTo(DiagnosticContext context) {
    return true;
  }

  /**
   * Runs the check. Blocking I/O must honour {@link CheckContext#timeouts()}.
   *
   * @param ctx the diagnosis as this check sees it
   * @return one finding, never null
   * @throws Exception anything unexpected; the runner turns it into an ERROR finding
   */
  Finding run(CheckContext ctx) throws Exception;

  /**
   * The finding when the check ran out of time. Network checks override it to name what a silent peer
   * means at their step.
   *
   * @param ctx the diagnosis as this check saw it
   * @param limit the time limit it ran into
   * @return the finding; an ERROR by default
   */
  default Finding timedOut(CheckContext ctx, java.time.Duration limit) {
    return Finding.error("Did not finish within " + Durations.format(limit))
        .detail("The check was stopped at its time limit; whatever it waited for did not answer in time.")
        .build();
  }
}
