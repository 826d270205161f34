package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A signature table read from a {@link Catalog}: every row's spellings are looked for at once, in the
 * {@linkplain TextNormaliser normalised} text, so that the table's size does not change its speed.
 */
public class CatalogTable extends SignatureTable {
  private final Catalog catalog;
  private final PhraseIndex index;
  private final int[] rowOfPhrase;

  /** A table of {@code catalog}'s rows; {@code provider} is null for signals any server may send. */
  public CatalogTable(String provider, Catalog catalog) {
    super(provider, signatures(catalog), TextNormaliser.DECODED_KEYWORDS);
    this.catalog = catalog;
    List<String> phrases = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < catalog.rows().size(); r++) {
      for (String s : catalog.rows().get(r).signals()) {
        phrases.add(s);
        rows.add(r);
      }
    }
    this.index = new PhraseIndex(phrases);
    this.rowOfPhrase = rows.stream().mapToInt(Integer::intValue).toArray();
  }

  public final Catalog catalog() {
    return catalog;
  }

  private static List<Signature> signatures(Catalog catalog) {
    List<Signature> out = new ArrayList<>();
    for (Catalog.Row row : catalog.rows()) {
      List<String> keywords = row.signals().stream().map(s -> s.replace("*", "")).toList();
      out.add(new Signature(row.says(), keywords, null, row.causes(), row.source()));
    }
    return out;
  }

  @Override
  public List<Candidate> interpret(Observation observation) {
    if (provider() != null && observation.provider() != null && !provider().equalsIgnoreCase(observation.provider())) {
      return List.of();
    }
    return lookUp(TextNormaliser.normalise(observation.text()));
  }

  /** The candidates of every row found in {@code normalised} (a {@link TextNormaliser} result), strongest first. */
  public final List<Candidate> lookUp(String normalised) {
    BitSet found = index.find(normalised);
    Map<String, Candidate> best = new LinkedHashMap<>();
    Set<Integer> seenRows = new java.util.HashSet<>();
    for (int phrase = found.nextSetBit(0); phrase >= 0; phrase = found.nextSetBit(phrase + 1)) {
      if (seenRows.add(rowOfPhrase[phrase])) {
        for (Candidate c : catalog.rows().get(rowOfPhrase[phrase]).causes()) {
          best.merge(c.rootCause(), c, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
      }
    }
    List<Candidate> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return out;
  }
}
