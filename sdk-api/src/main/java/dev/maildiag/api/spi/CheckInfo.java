package dev.maildiag.api.spi;

import dev.maildiag.api.Stage;
import java.util.List;
import java.util.Objects;

/**
 * What a check is: its stable id, title, stage, the root causes it can find, and its place in the order.
 *
 * @param id stable id, e.g. {@code network.tcp}; part of the JSON report
 * @param title a short line in the user's words, e.g. "Mail host accepts TCP connections"
 * @param stage where on the path the check looks
 * @param rootCauses the root-cause ids this check can report
 * @param requires checks that must succeed first; when one fails, this check is SKIPPED with the reason
 * @param after checks that must finish first, whatever their result (e.g. to read what they learned)
 */
public record CheckInfo(String id, String title, Stage stage, List<String> rootCauses, List<String> requires, List<String> after) {

  /**
   * Check metadata; prefer {@link #of}.
   *
   * @param id see the record
   * @param title see the record
   * @param stage see the record
   * @param rootCauses see the record
   * @param requires see the record
   * @param after see the record
   * @throws IllegalArgumentException when the id is not lower-case words joined by {@code .} or {@code -}
   */
  public CheckInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(stage, "stage");
    if (!wellFormed(id)) {
      throw new IllegalArgumentException("check id must be lower-case words joined by '.' or '-': " + id);
    }
    rootCauses = List.copyOf(rootCauses);
    requires = List.copyOf(requires);
    after = List.copyOf(after);
  }

  // [a-z0-9]+([.-][a-z0-9]+)*, without a regular expression: checks make their CheckInfo on every plan, so this
  // runs for every check of every diagnosis, pre-flights included
  private static boolean wellFormed(String id) {
    boolean afterSeparator = true;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '.' || c == '-') {
        if (afterSeparator) {
          return false;
        }
        afterSeparator = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        afterSeparator = false;
      } else {
        return false;
      }
    }
    return !afterSeparator;
  }

  /**
   * Starts a description of a check.
   *
   * @param id stable id, e.g. {@code acme.polling-interval}
   * @param stage where on the path the check looks
   * @param title a short line in the user's words
   * @return the metadata, finding no root cause and needing no other check yet
   */
  public static CheckInfo of(String id, Stage stage, String title) {
    return new CheckInfo(id, title, stage, List.of(), List.of(), List.of());
  }

  /**
   * The root causes the check can report; a runner that does not know one fails to build.
   *
   * @param rootCauseIds root-cause ids
   * @return the changed metadata
   */
  public CheckInfo finds(String... rootCauseIds) {
    return new CheckInfo(id, title, stage, List.of(rootCauseIds), requires, after);
  }

  /**
   * Checks that must succeed first; when one fails or is skipped, this check is SKIPPED with the reason.
   *
   * @param checkIds check ids the runner must have
   * @return the changed metadata
   */
  public CheckInfo requires(String... checkIds) {
    return new CheckInfo(id, title, stage, rootCauses, List.of(checkIds), after);
  }

  /**
   * Checks that must finish first, whatever their result, e.g. to read a fact they publish.
   *
   * @param checkIds check ids the runner must have
   * @return the changed metadata
   */
  public CheckInfo after(String... checkIds) {
    return new CheckInfo(id, title, stage, rootCauses, requires, List.of(checkIds));
  }
}
