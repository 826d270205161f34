package dev.maildiag.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A known reason why a mail handler fails, with a stable id. Ids are public API: they never change
 * meaning once released.
 *
 * @param id stable, lower-case, hyphenated id such as {@code protocol-disabled}
 * @param title one line naming the problem in the user's words
 * @param meaning what is wrong and how maildiag detects it
 * @param remediation the generic fix; findings may carry a more specific one
 */
public record RootCause(String id, String title, String meaning, Remediation remediation) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public RootCause {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(remediation, "remediation");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("root-cause id must be lower-case words joined by '-': " + id);
    }
  }
}
