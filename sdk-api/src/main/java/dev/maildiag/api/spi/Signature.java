package dev.maildiag.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a signature table: a signal in a text (a code, a phrase), the root causes it points to with
 * their confidence, and the public source that says so.
 *
 * <p>A row matches when the text contains one of its {@code keywords} (case-insensitive literals) and,
 * if it has one, its {@code pattern} is found. The keywords are also the log scanner's cheap prefilter,
 * so every text the pattern can match must contain one of them.
 *
 * @param signal what was recognised, in the user's words; becomes the candidate's reason
 * @param keywords lower-case literals, at least one of which every match contains
 * @param pattern a further condition, or null when a keyword alone decides
 * @param causes the root causes this signal points to, most likely first
 * @param source where this meaning is documented (a URL)
 */
public record Signature(String signal, List<String> keywords, Pattern pattern, List<Candidate> causes, String source) {
  /**
   * A row; prefer {@link #anyOf}.
   *
   * @param signal see the record
   * @param keywords see the record; lower-cased here, each at least 3 characters
   * @param pattern see the record
   * @param causes see the record; at least one
   * @param source see the record
   * @throws IllegalArgumentException without keywords or causes, or with a keyword too short to prefilter on
   */
  public Signature {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(source, "source");
    keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    causes = List.copyOf(causes);
    if (keywords.isEmpty() || causes.isEmpty()) {
      throw new IllegalArgumentException("a signature needs keywords and causes: " + signal);
    }
    for (String k : keywords) {
      if (k.length() < 3) {
        throw new IllegalArgumentException("keyword too short to prefilter on: '" + k + "' in " + signal);
      }
    }
  }

  /**
   * Starts a row that matches when the text contains any of these literals (case-insensitive).
   *
   * @param keywords the literals, each at least 3 characters
   * @return a builder
   */
  public static Builder anyOf(String... keywords) {
    return new Builder(List.of(keywords));
  }

  /**
   * Whether the row matches; {@code lower} is {@code text} in lower case.
   *
   * @param text the text
   * @param lower the text in lower case (computed once for every row)
   * @return whether a keyword is in the text and the pattern, if any, is found
   */
  public boolean matches(String text, String lower) {
    for (String k : keywords) {
      if (lower.contains(k)) {
        return pattern == null || pattern.matcher(text).find();
      }
    }
    return false;
  }

  /** Builds one row: keywords, an optional pattern, then the causes and the source. */
  public static final class Builder {
    private final List<String> keywords;
    private Pattern pattern;
    private final List<Candidate> causes = new ArrayList<>();
    private String signal;

    private Builder(List<String> keywords) {
      this.keywords = keywords;
    }

    /**
     * A case-insensitive regular expression that must also be found.
     *
     * @param regex the expression
     * @return this builder
     */
    public Builder regex(String regex) {
      this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
      return this;
    }

    /**
     * What the signal means in the user's words.
     *
     * @param text the meaning
     * @return this builder
     */
    public Builder says(String text) {
      this.signal = text;
      return this;
    }

    /**
     * One root cause the signal points to, with how likely it is; call in order of likelihood.
     *
     * @param rootCause a root-cause id
     * @param confidence 0 to 1
     * @return this builder
     */
    public Builder cause(String rootCause, double confidence) {
      causes.add(new Candidate(rootCause, confidence, "pending"));
      return this;
    }

    /**
     * Finishes the row with the public source of its meaning.
     *
     * @param url where the meaning is documented
     * @return the row
     */
    public Signature source(String url) {
      String s = Objects.requireNonNull(signal, "says(...) first");
      List<Candidate> withReason = causes.stream().map(c -> new Candidate(c.rootCause(), c.confidence(), s)).toList();
      return new Signature(s, keywords, pattern, withReason, url);
    }
  }
}
