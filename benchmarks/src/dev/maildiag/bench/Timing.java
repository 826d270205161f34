package dev.maildiag.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs two workloads side by side: warm-up, then alternating repetitions so that machine noise hits both. */
final class Timing {
  private Timing() {}

  /** Milliseconds of {@code work}. */
  static double millis(Callable<?> work) throws Exception {
    long t0 = System.nanoTime();
    work.call();
    return (System.nanoTime() - t0) / 1e6;
  }

  /** [0] = a's times, [1] = b's times, in ms. */
  static List<List<Double>> sideBySide(int warmups, int repetitions, Callable<?> a, Callable<?> b) throws Exception {
    for (int i = 0; i < warmups; i++) {
      a.call();
      b.call();
    }
    List<Double> ta = new ArrayList<>();
    List<Double> tb = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      if (i % 2 == 0) {
        ta.add(millis(a));
        tb.add(millis(b));
      } else {
        tb.add(millis(b));
        ta.add(millis(a));
      }
    }
    return List.of(ta, tb);
  }
}
