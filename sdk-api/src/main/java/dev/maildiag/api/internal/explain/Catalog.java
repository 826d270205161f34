package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.CatalogTable;
import dev.maildiag.api.spi.CatalogTable.Row;
import dev.maildiag.api.spi.Candidate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;

/**
 * A catalog file as read: its name, its resource and its rows ({@link CatalogTable} describes the format). Each file
 * is read once per owning class and kept, since every runner builds its own tables; so is the index of its phrases,
 * made on the first look-up.
 */
public final class Catalog {
  private static final ClassValue<Map<String, Catalog>> READ = new ClassValue<>() {
    @Override
    protected Map<String, Catalog> computeValue(Class<?> owner) {
      return new ConcurrentHashMap<>();
    }
  };

  private final String name;
  private final String resource;
  private final List<Row> rows;
  private volatile Phrases phrases;

  /**
   * @param name what the catalog holds
   * @param resource the file's name
   * @param rows the rows, in file order
   */
  public Catalog(String name, String resource, List<Row> rows) {
    this.name = name;
    this.resource = resource;
    this.rows = List.copyOf(rows);
  }

  /** What the catalog holds. */
  public String name() {
    return name;
  }

  /** The file's name. */
  public String resource() {
    return resource;
  }

  /** The rows, in file order. */
  public List<Row> rows() {
    return rows;
  }

  /** The rows (their positions) one of whose spellings occurs, as a whole token, in a normalised text. */
  public BitSet rowsIn(String normalised) {
    Phrases p = phrases;
    if (p == null) {
      // two threads may both make it; either index is the same
      p = Phrases.of(rows);
      phrases = p;
    }
    BitSet found = p.index().find(normalised);
    BitSet rowsFound = new BitSet(rows.size());
    for (int phrase = found.nextSetBit(0); phrase >= 0; phrase = found.nextSetBit(phrase + 1)) {
      rowsFound.set(p.rowOfPhrase()[phrase]);
    }
    return rowsFound;
  }

  private record Phrases(PhraseIndex index, int[] rowOfPhrase) {
    static Phrases of(List<Row> rows) {
      List<String> spellings = new ArrayList<>();
      int[] rowOf = new int[16];
      for (int r = 0; r < rows.size(); r++) {
        for (String s : rows.get(r).signals()) {
          if (spellings.size() == rowOf.length) {
            rowOf = Arrays.copyOf(rowOf, rowOf.length * 2);
          }
          rowOf[spellings.size()] = r;
          spellings.add(s);
        }
      }
      return new Phrases(new PhraseIndex(spellings), Arrays.copyOf(rowOf, spellings.size()));
    }
  }

  /** Reads a catalog from a class-path resource next to {@code owner} (once). */
  public static Catalog load(Class<?> owner, String resource) {
    return READ.get(owner).computeIfAbsent(resource, r -> read(owner, r));
  }

  private static Catalog read(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, () -> "no catalog resource " + resource + " next to " + owner.getName());
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Catalog parse(String resource, String text) {
    Map<String, String> sources = new LinkedHashMap<>();
    String name = resource;
    boolean codeAndSays = false;
    List<Row> rows = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader in = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("@")) {
          String[] d = line.split("\\s+", 3);
          switch (d[0]) {
            case "@source" -> sources.put(d[1], d[2].trim());
            case "@name" -> name = line.substring(5).trim();
            case "@message" -> codeAndSays = line.contains("code-and-says");
            default -> throw new IllegalArgumentException(resource + ":" + lineNo + ": unknown directive " + d[0]);
          }
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 4 || f.length > 5) {
          throw new IllegalArgumentException(resource + ":" + lineNo + ": expected 4 or 5 tab-separated fields, got " + f.length);
        }
        List<String> signals = new ArrayList<>();
        for (String s : f[0].split("\\|")) {
          String signal = s.trim().toLowerCase(Locale.ROOT);
          if (signal.length() > 2 && signal.substring(1, signal.length() - 1).contains("*")) {
            throw new IllegalArgumentException(resource + ":" + lineNo + ": '*' only at either end of a signal: " + signal);
          }
          if (!signal.isEmpty()) {
            signals.add(signal);
          }
        }
        // a code's meaning is shown with the code, as the provider writes it: "AADSTS50011: InvalidReplyTo - ..."
        String says = codeAndSays && !signals.get(0).contains("*") ? signals.get(0).toUpperCase(Locale.ROOT) + ": " + f[2].trim() : f[2].trim();
        String causesField = f[1].trim();
        boolean nearest = causesField.startsWith("nearest ");
        String reason = nearest ? says + " (not a mail handler's cause; the nearest one)" : says;
        List<Candidate> causes = new ArrayList<>();
        for (String c : (nearest ? causesField.substring(8) : causesField).split(",")) {
          String cause = c.trim();
          int space = cause.indexOf(' ');
          String confidence = space < 0 ? "" : cause.substring(space + 1).strip();
          if (confidence.isEmpty() || confidence.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(resource + ":" + lineNo + ": a cause is 'id confidence', not '" + c + "'");
          }
          causes.add(new Candidate(cause.substring(0, space), Double.parseDouble(confidence), reason));
        }
        String source = sources.getOrDefault(f[3].trim(), f[3].trim());
        String example = f.length == 5 && !f[4].isBlank() ? f[4].trim()
            : codeAndSays ? says : null;
        rows.add(new Row(List.copyOf(signals), List.copyOf(causes), !nearest, says, source, example, lineNo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Catalog(name, resource, rows);
  }
}
