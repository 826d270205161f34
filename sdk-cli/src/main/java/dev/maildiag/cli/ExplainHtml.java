package dev.maildiag.cli;

import dev.maildiag.api.Remediation;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.report.Html;
import dev.maildiag.api.spi.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import static dev.maildiag.api.internal.report.Html.text;

/** Explain's results as one self-contained HTML page; a log's causes per hour as an inline SVG chart. */
final class ExplainHtml {
  private static final String[] COLOURS = {"#cf222e", "#0969da", "#9a6700", "#8250df", "#1a7f37", "#bc4c00", "#6e7781", "#bf3989"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 170;
  private static final int LEFT = 40;
  private static final int BOTTOM = 24;
  private static final int TOP = 8;

  private ExplainHtml() {}

  static String write(ExplainDocument doc, String generator) {
    StringBuilder body = new StringBuilder("<header>\n<h1>").append(text(doc.title())).append("</h1>\n");
    if (!doc.facts().isEmpty()) {
      body.append("<dl class=\"meta\">\n");
      doc.facts().forEach((k, v) -> body.append("<dt>").append(text(k)).append("</dt><dd>").append(text(v)).append("</dd>\n"));
      body.append("</dl>\n");
    }
    body.append("</header>\n");
    List<String> causes = causeOrder(doc);
    if (!doc.perHour().isEmpty()) {
      body.append("<section class=\"timeline-section\">\n<h2>Causes over time (lines per hour)</h2>\n").append(timeline(doc.perHour(), causes))
          .append("<ul class=\"legend timeline-legend\">\n");
      for (int i = 0; i < causes.size(); i++) {
        body.append("<li><span class=\"swatch\" style=\"background:").append(COLOURS[i % COLOURS.length]).append("\"></span> <code>")
            .append(text(causes.get(i))).append("</code></li>\n");
      }
      body.append("</ul>\n</section>\n");
    }
    if (!doc.table().isEmpty()) {
      body.append("<section>\n<h2>").append(text(doc.tableTitle()))
          .append("</h2>\n<table>\n<thead><tr>");
      doc.table().get(0).forEach(h -> body.append("<th>").append(text(h)).append("</th>"));
      body.append("</tr></thead>\n<tbody>\n");
      for (List<String> row : doc.table().subList(1, doc.table().size())) {
        body.append("<tr>");
        row.forEach(c -> body.append("<td>").append(text(c)).append("</td>"));
        body.append("</tr>\n");
      }
      body.append("</tbody>\n</table>\n</section>\n");
    }
    body.append("<section class=\"causes-section\">\n<h2>").append(doc.candidates().size() == 1 ? "Most likely cause" : "Possible causes, most likely first")
        .append("</h2>\n");
    if (doc.candidates().isEmpty()) {
      body.append("<p>Nothing recognised: no known error code, phrase or exception. Give the whole error (with the server's answer "
          + "or the exception's cause), or run <code>maildiag check</code>.</p>\n");
    } else {
      body.append("<ol class=\"causes\">\n");
      for (Candidate c : doc.candidates()) {
        RootCause rc = KnownRootCauses.find(c.rootCause()).orElse(null);
        body.append(Html.cause(c.rootCause(), rc == null ? c.rootCause() : rc.title(), c.confidence(), "Why: " + c.reason(),
            doc.evidence().getOrDefault(c.rootCause(), List.of()), rc == null ? Remediation.NONE : rc.remediation()));
      }
      body.append("</ol>\n");
    }
    body.append("</section>\n");
    return Html.page(doc.title(), generator, body.toString());
  }

  /** The ranked causes first, then any other cause the log counted. */
  private static List<String> causeOrder(ExplainDocument doc) {
    List<String> order = new ArrayList<>();
    doc.candidates().forEach(c -> order.add(c.rootCause()));
    doc.perHour().values().forEach(m -> m.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add));
    return order;
  }

  /** Stacked bars, one per hour, coloured by cause; each bar segment names its hour, cause and count. */
  static String timeline(Map<String, Map<String, Long>> perHour, List<String> causes) {
    List<String> hours = new ArrayList<>(perHour.keySet());
    long max = perHour.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).max().orElse(1);
    double slot = (WIDTH - LEFT - 8) / (double) hours.size();
    double bar = Math.max(1, slot - (slot > 4 ? Math.min(6, slot / 4) : 0));
    double plot = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder("<svg class=\"timeline\" role=\"img\" aria-label=\"Log lines per hour by root cause\" width=\"100%\" ")
        .append("viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n")
        .append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - 4, HEIGHT - BOTTOM))
        .append(label(LEFT - 4, TOP + 10, "end", Long.toString(max))).append(label(LEFT - 4, HEIGHT - BOTTOM, "end", "0"));
    for (int i = 0; i < hours.size(); i++) {
      double x = LEFT + 2 + i * slot;
      double y = HEIGHT - BOTTOM;
      Map<String, Long> counts = perHour.get(hours.get(i));
      for (int c = 0; c < causes.size(); c++) {
        long n = counts.getOrDefault(causes.get(c), 0L);
        if (n == 0) {
          continue;
        }
        double h = Math.max(1, plot * n / max);
        y -= h;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>", x, y, bar, h,
            COLOURS[c % COLOURS.length])).append(text(hourLabel(hours.get(i)) + ": " + causes.get(c) + " \u00d7 " + n)).append("</title></rect>\n");
      }
    }
    svg.append(label(LEFT + 2, HEIGHT - 6, "start", hourLabel(hours.get(0))));
    if (hours.size() > 1) {
      svg.append(label(WIDTH - 4, HEIGHT - 6, "end", hourLabel(hours.get(hours.size() - 1))));
    }
    return svg.append("</svg>\n").toString();
  }

  /** {@code 2026-11-30 17} becomes {@code 2026-11-30 17:00}. */
  static String hourLabel(String hour) {
    return hour + ":00";
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c959f\"/>\n", x1, y1, x2, y2);
  }

  private static String label(double x, double y, String anchor, String s) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor) + text(s) + "</text>\n";
  }
}
