package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.Candidate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog of documented error codes or phrases, read from a tab-separated resource file, one row per code or
 * phrase: {@code signal TAB causes TAB says TAB source [TAB example]}.
 *
 * <ul>
 *   <li>{@code signal}: the code or phrase as documented, case-insensitive, matched as whole tokens; spellings of the
 *       same message by different clients are separated by {@code |}; a {@code *} at an end lets the word go on.</li>
 *   <li>{@code causes}: {@code root-cause confidence} pairs separated by {@code ,}, most likely first; a leading
 *       {@code nearest} says that the documented cause is not one a mail handler can have, and names the nearest.</li>
 *   <li>{@code says}: what the signal means, in the user's words (the reason shown).</li>
 *   <li>{@code source}: the URL that documents it, or the name of an {@code @source name URL} line.</li>
 *   <li>{@code example}: the documented message, when the signal alone is not it (for the coverage test).</li>
 * </ul>
 * Lines starting with {@code #} are comments; {@code @name TEXT} names the catalog in reports and
 * {@code @message code-and-says} makes each row's documented message (and the reason shown) its code followed by
 * what it says.
 *
 * @param name what the catalog holds, e.g. "Microsoft Entra AADSTS error codes"
 * @param resource where it was read from
 * @param rows the rows, in file order
 */
public record Catalog(String name, String resource, List<Row> rows) {
  public Catalog {
    rows = List.copyOf(rows);
  }

  /**
   * One documented code or phrase.
   *
   * @param signals the spellings, lower case (with {@code *} where a word may go on)
   * @param causes the root causes, most likely first, each with the row's {@code says} as its reason
   * @param mailCause false when the documented cause is not a mail handler's and {@code causes} holds the nearest
   * @param says what it means
   * @param source the documenting URL
   * @param example the documented message, or null when the signals are the message
   * @param line the line in the resource, for messages
   */
  public record Row(List<String> signals, List<Candidate> causes, boolean mailCause, String says, String source, String example,
      int line) {
    public Row {
      signals = List.copyOf(signals);
      causes = List.copyOf(causes);
    }

    /** The texts that, as documented, carry this row's meaning. */
    public List<String> documentedMessages() {
      if (example != null) {
        return List.of(example);
      }
      return signals.stream().map(s -> s.replace("*", "")).toList();
    }
  }

  /** Reads a catalog from a class-path resource next to {@code owner}. */
  public static Catalog load(Class<?> owner, String resource) {
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
          String[] idAndConfidence = c.trim().split("\\s+");
          if (idAndConfidence.length != 2) {
            throw new IllegalArgumentException(resource + ":" + lineNo + ": a cause is 'id confidence', not '" + c + "'");
          }
          causes.add(new Candidate(idAndConfidence[0], Double.parseDouble(idAndConfidence[1]), reason));
        }
        String source = sources.getOrDefault(f[3].trim(), f[3].trim());
        String example = f.length == 5 && !f[4].isBlank() ? f[4].trim()
            : codeAndSays ? says : null;
        rows.add(new Row(signals, causes, !nearest, says, source, example, lineNo));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Catalog(name, resource, rows);
  }
}
