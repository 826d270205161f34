package dev.maildiag.api.internal.explain;

import dev.maildiag.api.internal.Lazy;
import dev.maildiag.api.spi.CatalogTable;
import dev.maildiag.api.spi.CatalogTable.Row;
import dev.maildiag.api.spi.Candidate;
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
  private final Lazy<Phrases> phrases = Lazy.of(() -> Phrases.of(rows()));

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
    Phrases p = phrases.get();
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
    // plain string searches rather than a reader and regular expressions: every explanation reads the catalogs
    // first, in a JVM that has only just started
    for (int start = 0, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("@")) {
        int gapAfterDirective = firstGap(line);
        String directive = gapAfterDirective < 0 ? line : line.substring(0, gapAfterDirective);
        String rest = line.substring(directive.length()).strip();
        switch (directive) {
          case "@source" -> {
            int gap = firstGap(rest);
            if (gap < 0) {
              throw new IllegalArgumentException(resource + ":" + lineNo + ": @source needs a name and a URL");
            }
            sources.put(rest.substring(0, gap), rest.substring(gap + 1).strip());
          }
          case "@name" -> name = rest;
          case "@message" -> codeAndSays = line.contains("code-and-says");
          default -> throw new IllegalArgumentException(resource + ":" + lineNo + ": unknown directive " + directive);
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
    return new Catalog(name, resource, rows);
  }

  private static int firstGap(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }
}
