package dev.maildiag.api.spi;

import dev.maildiag.api.internal.Lazy;
import dev.maildiag.api.internal.explain.TextNormaliser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An interpreter made of signature rows. A table belongs to a provider ({@code microsoft}, {@code google})
 * or to none (generic signals); a provider's table stays silent when the observation names another provider.
 */
public class SignatureTable implements Interpreter {
  private final String provider;
  private final Lazy<List<Signature>> rows;
  private final Lazy<Set<String>> keywords;

  /**
   * A table of rows.
   *
   * @param provider the provider the table speaks for, or null for generic signals
   * @param rows the rows
   */
  protected SignatureTable(String provider, List<Signature> rows) {
    this(provider, rows, Set.of());
  }

  /**
   * A table whose {@link #interpret} also looks at something the rows cannot see literally (e.g. an encoded
   * challenge); {@code extraKeywords} are the literals that announce it, for the log scanner's prefilter.
   *
   * @param provider the provider the table speaks for, or null for generic signals
   * @param rows the rows
   * @param extraKeywords further literals, any case
   */
  protected SignatureTable(String provider, List<Signature> rows, Set<String> extraKeywords) {
    this(provider, given(rows), extraKeywords);
  }

  // rows made when first needed: a catalog's are read from its file, which a runner may never need
  SignatureTable(String provider, Supplier<List<Signature>> rows, Set<String> extraKeywords) {
    this.provider = provider;
    this.rows = Lazy.of(rows);
    Set<String> extra = Set.copyOf(extraKeywords);
    this.keywords = Lazy.of(() -> {
      Set<String> all = new LinkedHashSet<>();
      rows().forEach(r -> all.addAll(r.keywords()));
      extra.forEach(k -> all.add(k.toLowerCase(Locale.ROOT)));
      return Set.copyOf(all);
    });
  }

  private static Supplier<List<Signature>> given(List<Signature> rows) {
    List<Signature> copy = List.copyOf(rows);
    return () -> copy;
  }

  /**
   * The provider this table speaks for, or null for generic signals.
   *
   * @return the provider id, or null
   */
  public final String provider() {
    return provider;
  }

  /**
   * The table's rows.
   *
   * @return the rows, in order
   */
  public final List<Signature> rows() {
    return rows.get();
  }

  /**
   * The lower-case literals of every row (and the extra ones): the table recognises only texts holding one, so
   * a log scanner may look for these first and ask the table only about lines that have one.
   *
   * @return the keywords
   */
  public final Set<String> keywords() {
    return keywords.get();
  }

  /**
   * What is wrong with the table's shape, empty when nothing: every row cites a public https source and
   * ranks its causes with confidences below certainty. That every root cause it names is registered is
   * proven when a {@link dev.maildiag.api.Maildiag} with the table is built.
   *
   * @return the problems, one line each
   */
  public final List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Signature row : rows()) {
      if (!row.source().startsWith("https://")) {
        problems.add(row.signal() + ": source is not an https URL");
      }
      double previous = 1;
      for (Candidate c : row.causes()) {
        if (c.confidence() > 0.99 || c.confidence() < 0.1 || c.confidence() > previous) {
          problems.add(row.signal() + ": confidence " + c.confidence() + " of " + c.rootCause() + " is out of range or order");
        }
        previous = c.confidence();
      }
    }
    return problems;
  }

  @Override
  public List<Candidate> interpret(Observation observation) {
    if (!speaksFor(observation)) {
      return List.of();
    }
    return match(TextNormaliser.normalise(observation.text()));
  }

  /**
   * Whether this table may read the observation: generic tables always; a provider's table for its own
   * provider, and for a text seen outside a diagnosis that names no provider. A live diagnosis that no
   * provider claimed is of some other server (e.g. Dovecot), whose shared words (RFC 5530's
   * {@code [AUTHENTICATIONFAILED]}) must not be read as Gmail's or Exchange's.
   *
   * @param observation what was seen
   * @return whether to match it against this table's rows
   */
  protected final boolean speaksFor(Observation observation) {
    if (provider == null) {
      return true;
    }
    if (observation.provider() != null) {
      return provider.equalsIgnoreCase(observation.provider());
    }
    return observation.context() == null;
  }

  /**
   * The candidates of every row that matches {@code text} (normalised: see {@link #interpret}), strongest first.
   *
   * @param text the text
   * @return the candidates, strongest first
   */
  protected final List<Candidate> match(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    // within one table the strongest row speaks for a cause; the explainer combines across tables
    Map<String, Candidate> best = new LinkedHashMap<>();
    for (Signature row : rows()) {
      if (row.matches(text, lower)) {
        for (Candidate c : row.causes()) {
          best.merge(c.rootCause(), c, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
      }
    }
    List<Candidate> found = new ArrayList<>(best.values());
    found.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return found;
  }
}
