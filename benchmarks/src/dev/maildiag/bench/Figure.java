package dev.maildiag.bench;

import java.util.ArrayList;
import java.util.List;

/** One figure's result: rows of measured value, target and whether it is met, plus notes. */
final class Figure {
  final String title;
  final List<String[]> rows = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  Figure(String title) {
    this.title = title;
  }

  Figure row(String what, String measured, String target, Boolean met) {
    rows.add(new String[] {what, measured, target, met == null ? (target.equals("reference") ? "-" : "not measured") : met ? "**met**" : "**NOT met**"});
    return this;
  }

  Figure note(String note) {
    notes.add(note);
    return this;
  }

  String markdown() {
    StringBuilder s = new StringBuilder("## ").append(title).append("\n\n");
    if (!rows.isEmpty()) {
      s.append("| What | Measured | Target | Met |\n|---|---|---|---|\n");
      for (String[] r : rows) {
        s.append("| ").append(String.join(" | ", r)).append(" |\n");
      }
      s.append('\n');
    }
    for (String n : notes) {
      s.append(n).append("\n\n");
    }
    return s.toString();
  }
}
