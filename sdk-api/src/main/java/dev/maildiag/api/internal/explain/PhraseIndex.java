package dev.maildiag.api.internal.explain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of many lower-case phrases occur in a text, in one pass whatever their number (an Aho-Corasick
 * automaton), so that a catalog of a thousand rows costs the same as one. A phrase counts only as a whole token:
 * {@code aadsts50011} is not found in {@code aadsts500113}, nor {@code 5.7.3} in {@code 5.7.30}. A phrase that ends
 * with {@code *} may continue ({@code throttl*}); one that starts with {@code *} may be the end of a longer word.
 */
public final class PhraseIndex {
  private final Map<Long, Integer> edges = new HashMap<>(); // while building
  private long[] keys; // then: open addressing, key + 1 (0 = empty), no boxing per character
  private int[] values;
  private int mask;
  private final List<int[]> outputs = new ArrayList<>();
  private int[] fail;
  private int[][] out;
  private final String[] phrases;
  private final boolean[] openStart;
  private final boolean[] openEnd;

  public PhraseIndex(List<String> patterns) {
    int n = patterns.size();
    phrases = new String[n];
    openStart = new boolean[n];
    openEnd = new boolean[n];
    outputs.add(new int[0]);
    for (int id = 0; id < n; id++) {
      String p = patterns.get(id);
      openStart[id] = p.startsWith("*");
      openEnd[id] = p.endsWith("*") && p.length() > 1;
      p = p.substring(openStart[id] ? 1 : 0, p.length() - (openEnd[id] ? 1 : 0));
      phrases[id] = p;
      int state = 0;
      for (int i = 0; i < p.length(); i++) {
        long key = key(state, p.charAt(i));
        Integer next = edges.get(key);
        if (next == null) {
          next = outputs.size();
          outputs.add(new int[0]);
          edges.put(key, next);
        }
        state = next;
      }
      outputs.set(state, append(outputs.get(state), id));
    }
    link();
    freeze();
    out = outputs.toArray(new int[0][]);
  }

  private void freeze() {
    int size = Integer.highestOneBit(Math.max(4, edges.size() * 2)) * 2;
    keys = new long[size];
    values = new int[size];
    mask = size - 1;
    edges.forEach((k, v) -> {
      int i = slot(k);
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = k + 1;
      values[i] = v;
    });
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  /** The state after {@code c} from {@code state}, or -1 when there is no edge. */
  private int next(int state, char c) {
    long key = key(state, c);
    for (int i = slot(key); keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key + 1) {
        return values[i];
      }
    }
    return -1;
  }

  private static long key(int state, char c) {
    return ((long) state << 16) | c;
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }

  /** Breadth-first failure links; each state's outputs include those of the states it falls back to. */
  private void link() {
    int states = outputs.size();
    fail = new int[states];
    List<List<long[]>> children = new ArrayList<>();
    for (int i = 0; i < states; i++) {
      children.add(new ArrayList<>());
    }
    edges.forEach((k, v) -> children.get((int) (k >>> 16)).add(new long[] {k & 0xFFFF, v}));
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (long[] child : children.get(0)) {
      queue.add((int) child[1]);
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      for (long[] child : children.get(state)) {
        char c = (char) child[0];
        int target = (int) child[1];
        int f = fail[state];
        while (f != 0 && !edges.containsKey(key(f, c))) {
          f = fail[f];
        }
        Integer via = edges.get(key(f, c));
        fail[target] = via == null || via == target ? 0 : via;
        int[] inherited = outputs.get(fail[target]);
        int[] own = outputs.get(target);
        if (inherited.length > 0) {
          int[] both = Arrays.copyOf(own, own.length + inherited.length);
          System.arraycopy(inherited, 0, both, own.length, inherited.length);
          outputs.set(target, both);
        }
        queue.add(target);
      }
    }
  }

  /** The ids (positions in the constructor's list) of the phrases found in {@code lower}, a lower-case text. */
  public BitSet find(String lower) {
    BitSet found = new BitSet(phrases.length);
    int state = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int next;
      while ((next = next(state, c)) < 0 && state != 0) {
        state = fail[state];
      }
      state = next < 0 ? 0 : next;
      for (int id : out[state]) {
        if (!found.get(id) && standsAlone(lower, id, i)) {
          found.set(id);
        }
      }
    }
    return found;
  }

  private boolean standsAlone(String text, int id, int lastIndex) {
    String p = phrases[id];
    int start = lastIndex - p.length() + 1;
    boolean startOk = openStart[id] || !isWord(p.charAt(0)) || start == 0 || !isWord(text.charAt(start - 1));
    boolean endOk = openEnd[id] || !isWord(p.charAt(p.length() - 1)) || lastIndex + 1 == text.length()
        || !isWord(text.charAt(lastIndex + 1));
    return startOk && endOk;
  }

  static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
