package dev.maildiag.api.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds any of many literals in bytes, ignoring ASCII case, without decoding: a bit per byte pair says
 * whether some literal starts with that pair, and only then are the literals starting with it compared.
 * This is the log scanner's prefilter, so that lines without a signal are never decoded.
 */
final class KeywordFilter {
  private static final byte[] FOLD = new byte[256];

  static {
    for (int b = 0; b < 256; b++) {
      FOLD[b] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
  }

  private final long[] pairs = new long[1024];
  private final byte[][][] byPair = new byte[65536][][];

  KeywordFilter(Collection<String> keywords) {
    List<List<byte[]>> lists = new ArrayList<>();
    for (int i = 0; i < 65536; i++) {
      lists.add(null);
    }
    for (String k : keywords) {
      byte[] b = k.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < b.length; i++) {
        b[i] = FOLD[b[i] & 0xFF];
      }
      int pair = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
      pairs[pair >>> 6] |= 1L << pair;
      if (lists.get(pair) == null) {
        lists.set(pair, new ArrayList<>());
      }
      lists.get(pair).add(b);
    }
    for (int i = 0; i < 65536; i++) {
      if (lists.get(i) != null) {
        byPair[i] = lists.get(i).toArray(new byte[0][]);
      }
    }
  }

  /** The position in {@code buf[from, to)} where a keyword starts, or -1. */
  int find(byte[] buf, int from, int to) {
    final long[] bits = pairs;
    final byte[] fold = FOLD;
    int last = to - 1;
    for (int i = from; i < last; i++) {
      int pair = ((fold[buf[i] & 0xFF] & 0xFF) << 8) | (fold[buf[i + 1] & 0xFF] & 0xFF);
      if ((bits[pair >>> 6] & (1L << pair)) != 0 && startsHere(buf, i, to, byPair[pair])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsHere(byte[] buf, int at, int to, byte[][] candidates) {
    outer:
    for (byte[] k : candidates) {
      if (at + k.length > to) {
        continue;
      }
      for (int j = 2; j < k.length; j++) {
        if (FOLD[buf[at + j] & 0xFF] != k[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
