package dev.maildiag.cli;

import dev.maildiag.api.internal.explain.ClusterProbeReport;
import dev.maildiag.api.internal.explain.HarReport;
import dev.maildiag.api.internal.explain.LogFinding;
import dev.maildiag.api.internal.explain.LogReport;
import dev.maildiag.api.internal.explain.NodeSwitch;
import dev.maildiag.api.spi.Candidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What explain found, in the shape the document formats (HTML, Markdown) render: facts, a table, the log's
 * causes per hour, and the ranked causes with their evidence.
 *
 * @param title the heading
 * @param facts named lines: file, counts, the OAuth flow, nodes
 * @param tableTitle what the table shows
 * @param table a header row then rows (node switches, log findings); empty when there is nothing to tabulate
 * @param perHour a log's lines per hour and root cause, in log order; empty when the log has no time stamps
 * @param candidates the ranked causes
 * @param evidence what backs each cause, by root-cause id (a log's counts and example line)
 */
record ExplainDocument(String title, Map<String, String> facts, String tableTitle, List<List<String>> table, Map<String, Map<String, Long>> perHour,
    List<Candidate> candidates, Map<String, List<String>> evidence) {
  ExplainDocument {
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    table = List.copyOf(table);
    perHour = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perHour));
    candidates = List.copyOf(candidates);
    evidence = Map.copyOf(evidence);
  }

  static ExplainDocument candidates(List<Candidate> ranked) {
    return new ExplainDocument("maildiag explain", Map.of(), "", List.of(), Map.of(), ranked, Map.of());
  }

  static ExplainDocument log(String file, LogReport report, List<Candidate> ranked) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("log", file);
    facts.put("read", report.lines() + " lines, " + report.bytes() + " bytes");
    List<List<String>> table = new ArrayList<>();
    Map<String, List<String>> evidence = new LinkedHashMap<>();
    if (!report.findings().isEmpty()) {
      table.add(List.of("Lines", "Root cause", "First seen", "Last seen"));
    }
    for (LogFinding f : report.findings()) {
      table.add(List.of(Long.toString(f.count()), f.rootCause(), seen(f.firstSeen(), f.firstLine()), seen(f.lastSeen(), f.lastLine())));
      evidence.put(f.rootCause(), List.of(ExplainText.seen(f), "example: " + f.example()));
    }
    return new ExplainDocument("maildiag explain --log", facts, "Found in the log", table, report.perHour(), ranked, evidence);
  }

  static ExplainDocument har(String file, HarReport r) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("HAR", file);
    facts.put("requests", Long.toString(r.entries()));
    if (r.oauthFlowFound()) {
      facts.put("authorization", r.authorizeUrl());
      facts.put("callback", r.callbackUrl() == null ? "(none in the capture)" : r.callbackUrl());
      facts.put("started on node", orUnknown(r.startNode()));
      facts.put("callback answered by node", orUnknown(r.callbackNode()));
    } else {
      facts.put("OAuth flow", "none in the capture");
    }
    r.nodesByHost().forEach((host, nodes) -> facts.put("nodes answering " + host, String.join(", ", nodes)));
    if (!r.stickyCookies().isEmpty()) {
      facts.put("load-balancer cookies", String.join(", ", r.stickyCookies()));
    }
    return new ExplainDocument("maildiag explain --har", facts, "Node switches", switches(r.switches()), Map.of(), r.candidates(), Map.of());
  }

  static ExplainDocument cluster(ClusterProbeReport r) {
    Map<String, String> facts = new LinkedHashMap<>();
    r.nodeOfUrl().forEach((url, node) -> facts.put("node URL " + url, "answers as " + node));
    if (r.baseUrl() != null) {
      facts.put("requests to " + r.baseUrl(), String.join(", ", r.answeredBy()));
    }
    facts.put("conclusion", r.note());
    return new ExplainDocument("maildiag explain --cluster-url", facts, "Node switches", switches(r.switches()), Map.of(), r.candidates(), Map.of());
  }

  private static List<List<String>> switches(List<NodeSwitch> switches) {
    List<List<String>> table = new ArrayList<>();
    if (!switches.isEmpty()) {
      table.add(List.of("#", "Request", "Status", "Node switch", "During OAuth"));
    }
    for (NodeSwitch s : switches) {
      table.add(List.of(Integer.toString(s.entry()), s.method() + " " + s.url(), Integer.toString(s.status()),
          s.fromNode() + " \u2192 " + s.toNode(), s.inOAuthFlow() ? "yes" : "no"));
    }
    return table;
  }

  private static String seen(String time, long line) {
    return time == null ? "line " + line : time + " (line " + line + ")";
  }

  private static String orUnknown(String node) {
    return node == null ? "unknown" : node;
  }
}
