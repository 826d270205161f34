package dev.maildiag.api.internal.explain;

import dev.maildiag.api.internal.Lazy;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds which of many lower-case phrases occur in a text, in one pass whatever their number (an Aho-Corasick
 * automaton, built once more than a few short texts or one long text have been asked about), so that a catalog of a
 * thousand rows costs the same as one. A phrase counts only as a whole token:
 * {@code aadsts50011} is not found in {@code aadsts500113}, nor {@code 5.7.3} in {@code 5.7.30}. A phrase that ends
 * with {@code *} may continue ({@code throttl*}); one that starts with {@code *} may be the end of a longer word.
 */
public final class PhraseIndex {
  // a text this short, in the first look-ups, is searched phrase by phrase: building the automaton takes longer
  // than a few such searches, which is all that explaining one message needs
  private static final int SHORT_TEXT = 4096;
  private static final int SEARCHES_BEFORE_BUILDING = 16;
  private static final int[] NONE = new int[0];

  private final String[] phrases;
  private final boolean[] openStart;
  private final boolean[] openEnd;
  private final AtomicInteger searches = new AtomicInteger();
  private final Lazy<Automaton> automaton = Lazy.of(() -> new Automaton());

  public PhraseIndex(List<String> patterns) {
    int n = patterns.size();
    phrases = new String[n];
    openStart = new boolean[n];
    openEnd = new boolean[n];
    for (int id = 0; id < n; id++) {
      String p = patterns.get(id);
      openStart[id] = p.startsWith("*");
      openEnd[id] = p.endsWith("*") && p.length() > 1;
      phrases[id] = p.substring(openStart[id] ? 1 : 0, p.length() - (openEnd[id] ? 1 : 0));
    }
  }

  /** The ids (positions in the constructor's list) of the phrases found in {@code lower}, a lower-case text. */
  public BitSet find(String lower) {
    if (!automaton.made() && lower.length() <= SHORT_TEXT && searches.incrementAndGet() <= SEARCHES_BEFORE_BUILDING) {
      return search(lower);
    }
    return automaton.get().find(lower);
  }

  // every occurrence of every phrase: the same answer as the automaton's, in time proportional to phrases x text
  private BitSet search(String lower) {
    BitSet found = new BitSet(phrases.length);
    for (int id = 0; id < phrases.length; id++) {
      String p = phrases[id];
      for (int at = lower.indexOf(p); at >= 0; at = lower.indexOf(p, at + 1)) {
        if (standsAlone(lower, id, at + p.length() - 1)) {
          found.set(id);
          break;
        }
      }
    }
    return found;
  }

  /** The Aho-Corasick automaton of the phrases: one pass over a text whatever their number. */
  private final class Automaton {
    // the trie's edges in one open-addressing table, key + 1 (0 = empty): no boxing per character
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int mask = keys.length - 1;
    private int edgeCount;
    private int[] edgeFrom = new int[256];
    private char[] edgeChar = new char[256];
    private int[] edgeTo = new int[256];
    private int states = 1;
    private int[][] out = new int[256][];
    private int[] fail;

    Automaton() {
      for (int id = 0; id < phrases.length; id++) {
        String p = phrases[id];
        int state = 0;
        for (int i = 0; i < p.length(); i++) {
          int next = next(state, p.charAt(i));
          state = next >= 0 ? next : addEdge(state, p.charAt(i));
        }
        out[state] = append(out[state], id);
      }
      out = Arrays.copyOf(out, states);
      for (int i = 0; i < states; i++) {
        if (out[i] == null) {
          out[i] = NONE;
        }
      }
      link();
    }

    BitSet find(String lower) {
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

    private int addEdge(int from, char c) {
      int to = states++;
      if (to == out.length) {
        out = Arrays.copyOf(out, to * 2);
      }
      if (edgeCount == edgeTo.length) {
        edgeFrom = Arrays.copyOf(edgeFrom, edgeCount * 2);
        edgeChar = Arrays.copyOf(edgeChar, edgeCount * 2);
        edgeTo = Arrays.copyOf(edgeTo, edgeCount * 2);
      }
      edgeFrom[edgeCount] = from;
      edgeChar[edgeCount] = c;
      edgeTo[edgeCount] = to;
      edgeCount++;
      if (edgeCount * 2 > keys.length) {
        rehash(keys.length * 2);
      }
      put(key(from, c), to);
      return to;
    }

    private void rehash(int size) {
      keys = new long[size];
      values = new int[size];
      mask = size - 1;
      for (int e = 0; e < edgeCount - 1; e++) {
        put(key(edgeFrom[e], edgeChar[e]), edgeTo[e]);
      }
    }

    private void put(long key, int value) {
      int i = slot(key);
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key + 1;
      values[i] = value;
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
      if (a == null) {
        return new int[] {v};
      }
      int[] b = Arrays.copyOf(a, a.length + 1);
      b[a.length] = v;
      return b;
    }

    /** Breadth-first failure links; each state's outputs include those of the states it falls back to. */
    private void link() {
      fail = new int[states];
      // breadth-first: a state's failure target is shallower than the state, so its links are done first. An edge
      // is added after the edge into its parent, so one pass finds every depth; a counting sort orders by it.
      int[] depth = new int[states];
      int deepest = 0;
      for (int e = 0; e < edgeCount; e++) {
        depth[edgeTo[e]] = depth[edgeFrom[e]] + 1;
        deepest = Math.max(deepest, depth[edgeTo[e]]);
      }
      int[] start = new int[deepest + 2];
      for (int e = 0; e < edgeCount; e++) {
        start[depth[edgeTo[e]] + 1]++;
      }
      for (int d = 1; d < start.length; d++) {
        start[d] += start[d - 1];
      }
      int[] order = new int[edgeCount];
      for (int e = 0; e < edgeCount; e++) {
        order[start[depth[edgeTo[e]]]++] = e;
      }
      for (int e : order) {
        int state = edgeFrom[e];
        char c = edgeChar[e];
        int target = edgeTo[e];
        int via = -1;
        if (state != 0) {
          int f = fail[state];
          while ((via = next(f, c)) < 0 && f != 0) {
            f = fail[f];
          }
        }
        fail[target] = via < 0 || via == target ? 0 : via;
        int[] inherited = out[fail[target]];
        if (inherited.length > 0) {
          int[] own = out[target];
          int[] both = Arrays.copyOf(own, own.length + inherited.length);
          System.arraycopy(inherited, 0, both, own.length, inherited.length);
          out[target] = both;
        }
      }
      edgeFrom = null;
      edgeChar = null;
      edgeTo = null;
    }
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
