package dev.maildiag.api.internal.explain;

import java.util.Set;

/**
 * An interpreter that only ever recognises texts containing one of its keywords (lower-case literals).
 * The log scanner looks for these literals first and asks the interpreters only about lines that have one.
 */
public interface Prefiltered {
  Set<String> keywords();
}
