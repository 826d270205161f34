package dev.maildiag.api.spi;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import java.util.Objects;

/**
 * Something seen that needs interpreting: a server answer, an OAuth error, an exception message or a log
 * line, with what is known about where it came from.
 *
 * @param text the text as seen (already free of secrets)
 * @param stage where it was seen, or null when unknown (e.g. a pasted log line)
 * @param protocol the mail protocol, or null when unknown or not a mail answer
 * @param provider {@code microsoft}, {@code google}, or null when unknown
 * @param facts what the current diagnosis has learned; empty when explaining a text offline
 * @param context the diagnosed context, or null when explaining a text offline
 */
public record Observation(String text, Stage stage, Protocol protocol, String provider, Facts facts, DiagnosticContext context) {
  /**
   * An observation; null facts are empty.
   *
   * @param text see the record
   * @param stage see the record
   * @param protocol see the record
   * @param provider see the record
   * @param facts see the record
   * @param context see the record
   */
  public Observation {
    Objects.requireNonNull(text, "text");
    facts = facts == null ? new Facts() : facts;
  }

  /**
   * A text seen outside of a diagnosis, e.g. pasted by a user.
   *
   * @param text the text
   * @return an observation with nothing else known
   */
  public static Observation ofText(String text) {
    return new Observation(text, null, null, null, new Facts(), null);
  }

  /**
   * This observation as made with another provider.
   *
   * @param newProvider e.g. {@code microsoft}
   * @return the changed observation
   */
  public Observation withProvider(String newProvider) {
    return new Observation(text, stage, protocol, newProvider, facts, context);
  }

  /**
   * This observation as made over another protocol.
   *
   * @param newProtocol the protocol
   * @return the changed observation
   */
  public Observation withProtocol(Protocol newProtocol) {
    return new Observation(text, stage, newProtocol, provider, facts, context);
  }
}
