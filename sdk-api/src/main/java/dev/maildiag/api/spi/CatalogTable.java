package dev.maildiag.api.spi;

import dev.maildiag.api.internal.explain.Catalog;
import dev.maildiag.api.internal.explain.TextNormaliser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signature table read from a catalog file: documented codes and phrases as data, one row per code or phrase
 * with the root causes it means, what it says and the URL that documents it. Every row's spellings are looked for
 * at once, as whole tokens, in the normalised text (frames stripped, encodings undone), so the table's size does
 * not change its speed.
 *
 * <p>The file is tab-separated UTF-8 next to the owning class: {@code signal TAB causes TAB says TAB source
 * [TAB documented message]}. {@code signal} is the code or phrase, case-insensitive, its spellings separated by
 * {@code |}, a {@code *} at an end letting the word go on; {@code causes} is {@code root-cause confidence, ...},
 * most likely first, led by {@code nearest} when the documented cause is not one a mail handler can have;
 * {@code source} is a URL or the name of an {@code @source name URL} line. {@code @name} names the catalog;
 * {@code @message code-and-says} makes each row's reason and documented message its code followed by what it says.
 * Lines starting with {@code #} are comments.
 */
public class CatalogTable extends SignatureTable {
  private final Class<?> owner;
  private final String resource;

  /**
   * The table of a catalog file.
   *
   * @param provider the provider it speaks for ({@code microsoft}, {@code google}), or null for any server
   * @param owner the class next to which the file lies
   * @param resource the file's name, e.g. {@code entra-codes.tsv}
   */
  protected CatalogTable(String provider, Class<?> owner, String resource) {
    super(provider, () -> signatures(Catalog.load(owner, resource).rows()), TextNormaliser.DECODED_KEYWORDS);
    this.owner = Objects.requireNonNull(owner, "owner");
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  // read on first use, once per file: a runner that interprets nothing (an offline check) never reads its catalogs
  private Catalog catalog() {
    return Catalog.load(owner, resource);
  }

  /**
   * One documented code or phrase.
   *
   * @param signals the spellings, lower case (with {@code *} where a word may go on)
   * @param causes the root causes, most likely first, each with what the row says as its reason
   * @param mailCause false when the documented cause is not a mail handler's and {@code causes} holds the nearest
   * @param says what it means
   * @param source the documenting URL
   * @param example the documented message, or null when the spellings are the message
   * @param line the line in the file, for messages
   */
  public record Row(List<String> signals, List<Candidate> causes, boolean mailCause, String says, String source, String example,
      int line) {
    /**
     * The texts that, as documented, carry this row's meaning.
     *
     * @return the documented message, or each spelling
     */
    public List<String> documentedMessages() {
      return example != null ? List.of(example) : signals.stream().map(s -> s.replace("*", "")).toList();
    }
  }

  /**
   * What the catalog holds.
   *
   * @return e.g. "Microsoft Entra AADSTS error codes"
   */
  public final String name() {
    return catalog().name();
  }

  /**
   * The catalog file's name.
   *
   * @return e.g. {@code entra-codes.tsv}
   */
  public final String resource() {
    return resource;
  }

  /**
   * The rows.
   *
   * @return the rows, in file order
   */
  public final List<Row> entries() {
    return catalog().rows();
  }

  private static List<Signature> signatures(List<Row> rows) {
    List<Signature> out = new ArrayList<>();
    for (Row row : rows) {
      List<String> keywords = row.signals().stream().map(s -> s.replace("*", "")).toList();
      out.add(new Signature(row.says(), keywords, null, row.causes(), row.source()));
    }
    return out;
  }

  @Override
  public List<Candidate> interpret(Observation observation) {
    if (!speaksFor(observation)) {
      return List.of();
    }
    return lookUp(observation);
  }

  /**
   * The candidates of every row found in the observation's text, whoever it comes from.
   *
   * @param observation what was seen
   * @return the candidates, strongest first
   */
  protected final List<Candidate> lookUp(Observation observation) {
    Catalog c = catalog();
    BitSet found = c.rowsIn(TextNormaliser.normalise(observation.text()));
    Map<String, Candidate> best = new LinkedHashMap<>();
    for (int row = found.nextSetBit(0); row >= 0; row = found.nextSetBit(row + 1)) {
      for (Candidate candidate : c.rows().get(row).causes()) {
        best.merge(candidate.rootCause(), candidate, (a, b) -> a.confidence() >= b.confidence() ? a : b);
      }
    }
    List<Candidate> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return out;
  }
}
