package dev.maildiag.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and spread of repeated measurements. */
record Stats(List<Double> values) {
  Stats {
    values = new ArrayList<>(values);
    Collections.sort(values);
  }

  double median() {
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  double min() {
    return values.get(0);
  }

  double max() {
    return values.get(values.size() - 1);
  }

  /** {@code median (min-max, n=N)} with this many decimals. */
  String describe(int decimals, String unit) {
    String f = "%." + decimals + "f";
    return String.format(Locale.ROOT, f + "%s (" + f + "-" + f + ", n=%d)", median(), unit, min(), max(), values.size());
  }

  /** Per-pair ratios a[i]/b[i] of two series measured alternately. */
  static Stats ratios(List<Double> a, List<Double> b) {
    List<Double> r = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      r.add(a.get(i) / b.get(i));
    }
    return new Stats(r);
  }
}
