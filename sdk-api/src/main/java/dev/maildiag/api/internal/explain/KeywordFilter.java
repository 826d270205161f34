package dev.maildiag.api.internal.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds any of many literals in bytes, ignoring ASCII case, without decoding. Each literal is anchored
 * on its rarest byte pair, judged by how often each pair occurs in a sample of the text to search (the
 * start of the log); a bit per byte pair says whether some literal is anchored there, and only then are
 * the literals with that anchor compared in full. This is the log scanner's prefilter, so that lines
 * without a signal are never decoded.
 */
final class KeywordFilter {
  private static final byte[] FOLD = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      FOLD[b] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
  }

  private final long[] pairs = new long[1024];
  private final Anchored[][] byPair = new Anchored[65536][];

  /** A literal and the offset of its anchor pair. */
  private record Anchored(byte[] bytes, int offset) {}

  /** A filter for {@code keywords}, anchored on the pairs rarest in {@code sample[0, sampleLength)}. */
  KeywordFilter(Collection<String> keywords, byte[] sample, int sampleLength) {
    int[] frequency = new int[65536];
    for (int i = 0; i + 1 < sampleLength; i++) {
      frequency[((FOLD[sample[i] & 0xFF] & 0xFF) << 8) | (FOLD[sample[i + 1] & 0xFF] & 0xFF)]++;
    }
    List<List<Anchored>> lists = new ArrayList<>();
    for (int i = 0; i < 65536; i++) {
      lists.add(null);
    }
    for (String k : keywords) {
      byte[] b = k.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < b.length; i++) {
        b[i] = FOLD[b[i] & 0xFF];
      }
      int best = 0;
      for (int j = 1; j + 1 < b.length; j++) {
        if (frequency[pairAt(b, j)] < frequency[pairAt(b, best)]) {
          best = j;
        }
      }
      int pair = pairAt(b, best);
      pairs[pair >>> 6] |= 1L << pair;
      if (lists.get(pair) == null) {
        lists.set(pair, new ArrayList<>());
      }
      lists.get(pair).add(new Anchored(b, best));
    }
    for (int i = 0; i < 65536; i++) {
      if (lists.get(i) != null) {
        byPair[i] = lists.get(i).toArray(new Anchored[0]);
      }
    }
  }

  private static int pairAt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  /** The position in {@code buf[from, to)} where a keyword starts, or -1. */
  int find(byte[] buf, int from, int to) {
    final long[] bits = pairs;
    final byte[] fold = FOLD;
    if (to - from < 2) {
      return -1;
    }
    int previous = (fold[buf[from] & 0xFF] & 0xFF) << 8;
    for (int i = from + 1; i < to; i++) {
      int current = fold[buf[i] & 0xFF] & 0xFF;
      int pair = previous | current;
      previous = current << 8;
      if ((bits[pair >>> 6] & (1L << pair)) != 0) {
        int start = startsAround(buf, i - 1, from, to, byPair[pair]);
        if (start >= 0) {
          return start;
        }
      }
    }
    return -1;
  }

  private static int startsAround(byte[] buf, int anchor, int from, int to, Anchored[] candidates) {
    outer:
    for (Anchored a : candidates) {
      int start = anchor - a.offset;
      byte[] k = a.bytes;
      if (start < from || start + k.length > to) {
        continue;
      }
      for (int j = 0; j < k.length; j++) {
        if (FOLD[buf[start + j] & 0xFF] != k[j]) {
          continue outer;
        }
      }
      return start;
    }
    return -1;
  }
}
