package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.SignatureTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a whole log (plain or gzip) in one streaming pass and aggregates the lines the interpreters
 * recognise by root cause: how many, first and last time seen, one example each.
 *
 * <p>Only lines holding one of the signature tables' keywords are decoded and explained;
 * the rest are skipped at the byte level, which is what makes a gigabyte of log quick to scan.
 * Memory is bounded by the buffer and the (bounded) cache of explained line texts.
 */
public final class LogScanner {
  private static final int BUFFER = 1 << 20;
  private static final int MAX_LINE = 4096;
  private static final int MAX_EXAMPLE = 400;
  private static final int CACHE_LIMIT = 4096;
  /** A year of hours: the timeline's memory stays bounded whatever the log holds. */
  private static final int MAX_HOURS = 24 * 366;
  /** ISO-like (Jira, log4j, ISO 8601), syslog ({@code Oct 12 08:02:36}), Tomcat ({@code 12-Oct-2022 08:02:36.237}), Android. */
  private static final Pattern TIME = Pattern.compile("^\\W{0,3}("
      + "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?"
      + "|\\d{2}-[A-Z][a-z]{2}-\\d{4} \\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?"
      + "|[A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2}"
      + "|\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?)");

  private final Explainer explainer;
  private final Set<String> keywords;
  private final String provider;

  private LogScanner(Explainer explainer, Set<String> keywords, String provider) {
    this.explainer = explainer;
    this.keywords = Set.copyOf(keywords);
    this.provider = provider;
  }

  /** A scanner over the explainer's interpreters; {@code provider} is microsoft, google or null (any). */
  public static LogScanner of(Explainer explainer, String provider) {
    Set<String> keywords = new LinkedHashSet<>();
    for (Interpreter i : explainer.interpreters()) {
      if (i instanceof SignatureTable table) {
        keywords.addAll(table.keywords());
      }
    }
    return new LogScanner(explainer, keywords, provider);
  }

  /** The literals that make a line worth explaining (the prefilter), lower case. */
  public Set<String> keywords() {
    return keywords;
  }

  /** Scans a file; gzip is recognised by its magic bytes, whatever the file is called. */
  public LogReport scan(Path file) throws IOException {
    // FileInputStream, not Files.newInputStream: the latter asks a pipe or FIFO for its position ("Illegal seek")
    try (InputStream raw = new java.io.FileInputStream(file.toFile())) {
      return scanAnyStream(raw);
    }
  }

  /** Scans a stream that may be gzip (recognised by its magic bytes), such as a pipe; the caller closes it. */
  public LogReport scanAnyStream(InputStream stream) throws IOException {
    InputStream raw = new BufferedInputStream(stream, 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    return scan(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
  }

  /** Scans a stream to its end; the caller closes it. */
  public LogReport scan(InputStream in) throws IOException {
    Aggregate agg = new Aggregate();
    Map<String, List<Candidate>> explained = new HashMap<>(); // a log repeats its errors: explain each message once
    byte[] buf = new byte[BUFFER];
    int filled = 0;
    long bytes = 0;
    byte lastByte = '\n';
    long lineNo = 1; // number of the line starting at 'counted'
    KeywordFilter filter = null;
    while (true) {
      int n = in.read(buf, filled, buf.length - filled);
      boolean eof = n < 0;
      if (!eof) {
        filled += n;
        bytes += n;
        lastByte = n > 0 ? buf[filled - 1] : lastByte;
        if (filled < buf.length) {
          continue; // fill the buffer before scanning: fewer, longer passes
        }
      }
      int end = eof ? filled : lastNewline(buf, filled) + 1;
      if (end <= 0) {
        end = filled; // a line longer than the buffer: scan it in pieces
      }
      if (filter == null) {
        filter = new KeywordFilter(keywords, buf, end); // anchored on what is rare in this very log
      }
      int counted = 0;
      int pos = 0;
      while (pos < end) {
        int hit = filter.find(buf, pos, end);
        if (hit < 0) {
          break;
        }
        int start = lineStart(buf, hit);
        int stop = lineEnd(buf, hit, end);
        lineNo += newlines(buf, counted, start);
        counted = start;
        explainLine(buf, start, stop, lineNo, agg, explained);
        pos = stop + 1;
      }
      lineNo += newlines(buf, counted, end);
      System.arraycopy(buf, end, buf, 0, filled - end);
      filled -= end;
      if (eof) {
        long lines = lineNo - 1 + (lastByte != '\n' ? 1 : 0);
        return new LogReport(lines, bytes, agg.findings(), agg.perHour);
      }
    }
  }

  private void explainLine(byte[] buf, int start, int stop, long lineNo, Aggregate agg, Map<String, List<Candidate>> cache) {
    int len = Math.min(stop - start, MAX_LINE);
    if (len > 0 && buf[start + len - 1] == '\r') {
      len--;
    }
    String line = new String(buf, start, len, StandardCharsets.UTF_8);
    String time = timeOf(line);
    String message = time == null ? line : line.substring(Math.min(line.length(), line.indexOf(time) + time.length()));
    List<Candidate> ranked = cache.get(message);
    if (ranked == null) {
      ranked = explainer.recognise(Observations.of(line, provider == null ? "auto" : provider, null));
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(message, ranked);
    }
    if (ranked.isEmpty()) {
      return;
    }
    if (time == null) {
      time = entryTime(buf, start);
    }
    agg.add(ranked, time, lineNo, line);
  }

  /** A continuation line (a stack frame, "Caused by") has the time of the log entry it belongs to. */
  private static String entryTime(byte[] buf, int lineStart) {
    int end = lineStart - 1;
    for (int lines = 0; lines < 100 && end > 0; lines++) {
      int start = lineStart(buf, end - 1);
      byte first = buf[start];
      if (end - start >= 14 && (first >= '0' && first <= '9' || first >= 'A' && first <= 'Z' || first == '[')) {
        String time = timeOf(new String(buf, start, Math.min(64, end - start), StandardCharsets.UTF_8));
        if (time != null) {
          return time;
        }
      }
      end = start - 1;
    }
    return null;
  }

  /** A time stamp up to its hour: {@code 2026-11-30T17:02:03Z} becomes {@code 2026-11-30 17}. */
  static String hourOf(String time) {
    int colon = time.indexOf(':');
    return (colon < 0 ? time : time.substring(0, colon)).replace('T', ' ');
  }

  static String timeOf(String line) {
    Matcher m = TIME.matcher(line.length() > 64 ? line.substring(0, 64) : line);
    return m.find() ? m.group(1) : null;
  }

  private static int lastNewline(byte[] buf, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int lineStart(byte[] buf, int at) {
    int i = at;
    while (i > 0 && buf[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  private static int lineEnd(byte[] buf, int at, int end) {
    int i = at;
    while (i < end && buf[i] != '\n') {
      i++;
    }
    return i;
  }

  private static long newlines(byte[] buf, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Findings by root cause, in the order first seen. */
  private static final class Aggregate {
    private final Map<String, Builder> byCause = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> perHour = new LinkedHashMap<>();

    void add(List<Candidate> ranked, String time, long lineNo, String line) {
      Builder b = byCause.computeIfAbsent(ranked.get(0).rootCause(), id -> new Builder(ranked, time, lineNo, line));
      b.count++;
      b.lastLine = lineNo;
      if (time != null) {
        String hour = hourOf(time);
        if (perHour.size() < MAX_HOURS || perHour.containsKey(hour)) {
          perHour.computeIfAbsent(hour, h -> new LinkedHashMap<>()).merge(ranked.get(0).rootCause(), 1L, Long::sum);
        }
        b.lastSeen = time;
        if (b.firstSeen == null) {
          b.firstSeen = time;
        }
      }
      if (ranked.get(0).confidence() > b.candidates.get(0).confidence()) {
        b.candidates = ranked;
      }
    }

    List<LogFinding> findings() {
      List<LogFinding> all = new ArrayList<>();
      byCause.forEach((id, b) -> all.add(new LogFinding(id, b.candidates, b.count, b.firstSeen, b.lastSeen, b.firstLine, b.lastLine, b.example)));
      all.sort(Comparator.comparingLong(LogFinding::count).reversed());
      return all;
    }
  }

  private static final class Builder {
    List<Candidate> candidates;
    long count;
    String firstSeen;
    String lastSeen;
    final long firstLine;
    long lastLine;
    final String example;

    Builder(List<Candidate> candidates, String time, long lineNo, String line) {
      this.candidates = candidates;
      this.firstSeen = time;
      this.firstLine = lineNo;
      String redacted = Redaction.redact(line.strip());
      this.example = redacted.length() > MAX_EXAMPLE ? redacted.substring(0, MAX_EXAMPLE) + "..." : redacted;
    }
  }
}
