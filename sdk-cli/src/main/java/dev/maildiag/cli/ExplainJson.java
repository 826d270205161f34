package dev.maildiag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.explain.ClusterProbeReport;
import dev.maildiag.api.internal.explain.HarReport;
import dev.maildiag.api.internal.explain.LogFinding;
import dev.maildiag.api.internal.explain.LogReport;
import dev.maildiag.api.internal.explain.NodeSwitch;
import dev.maildiag.api.spi.Candidate;
import java.util.List;

/** The JSON form of explain's results: {@code {"candidates":[{rootCause, confidence, summary, remediation, evidence}]}} plus details. */
final class ExplainJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ExplainJson() {}

  /** One candidate with its title as summary and the registry's remediation steps. */
  static ObjectNode candidate(Candidate c, List<String> evidence) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("rootCause", c.rootCause());
    n.put("confidence", Math.round(c.confidence() * 100) / 100.0);
    RootCause rc = KnownRootCauses.find(c.rootCause()).orElse(null);
    n.put("summary", rc == null ? c.reason() : rc.title());
    ArrayNode steps = n.putArray("remediation");
    if (rc != null) {
      rc.remediation().steps().forEach(steps::add);
    }
    ArrayNode ev = n.putArray("evidence");
    evidence.forEach(ev::add);
    return n;
  }

  static ObjectNode candidates(List<Candidate> ranked) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("candidates");
    ranked.forEach(c -> list.add(candidate(c, List.of(c.reason()))));
    return root;
  }

  static ObjectNode log(String file, LogReport report, List<Candidate> ranked) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("candidates");
    for (Candidate c : ranked) {
      LogFinding f = report.findings().stream().filter(x -> x.rootCause().equals(c.rootCause())).findFirst().orElseThrow();
      list.add(candidate(c, List.of(c.reason(), ExplainText.seen(f), "example: " + f.example())));
    }
    ObjectNode log = root.putObject("log");
    log.put("file", file);
    log.put("lines", report.lines());
    log.put("bytes", report.bytes());
    ArrayNode findings = log.putArray("findings");
    for (LogFinding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("rootCause", f.rootCause());
      n.put("count", f.count());
      n.put("firstSeen", f.firstSeen());
      n.put("lastSeen", f.lastSeen());
      n.put("firstLine", f.firstLine());
      n.put("lastLine", f.lastLine());
      n.put("example", f.example());
      ArrayNode also = n.putArray("candidates");
      f.candidates().forEach(c -> also.add(c.rootCause()));
    }
    ObjectNode hours = log.putObject("perHour");
    report.perHour().forEach((hour, counts) -> {
      ObjectNode n = hours.putObject(hour);
      counts.forEach(n::put);
    });
    return root;
  }

  static ObjectNode har(String file, HarReport r) {
    ObjectNode root = candidates(r.candidates());
    ObjectNode har = root.putObject("har");
    har.put("file", file);
    har.put("entries", r.entries());
    if (r.oauthFlowFound()) {
      ObjectNode flow = har.putObject("oauthFlow");
      flow.put("authorizeUrl", r.authorizeUrl());
      flow.put("callbackUrl", r.callbackUrl());
      flow.put("productHost", r.productHost());
      flow.put("startNode", r.startNode());
      flow.put("callbackNode", r.callbackNode());
    } else {
      har.putNull("oauthFlow");
    }
    ObjectNode nodes = har.putObject("nodesByHost");
    r.nodesByHost().forEach((host, list) -> {
      ArrayNode a = nodes.putArray(host);
      list.forEach(a::add);
    });
    ArrayNode cookies = har.putArray("stickyCookies");
    r.stickyCookies().forEach(cookies::add);
    switches(har.putArray("switches"), r.switches());
    return root;
  }

  static ObjectNode cluster(ClusterProbeReport r) {
    ObjectNode root = candidates(r.candidates());
    ObjectNode cluster = root.putObject("cluster");
    cluster.put("baseUrl", r.baseUrl());
    ObjectNode nodes = cluster.putObject("nodes");
    r.nodeOfUrl().forEach(nodes::put);
    ArrayNode answered = cluster.putArray("answeredBy");
    r.answeredBy().forEach(answered::add);
    switches(cluster.putArray("switches"), r.switches());
    cluster.put("note", r.note());
    return root;
  }

  private static void switches(ArrayNode into, List<NodeSwitch> switches) {
    for (NodeSwitch s : switches) {
      ObjectNode n = into.addObject();
      n.put("entry", s.entry());
      n.put("method", s.method());
      n.put("url", s.url());
      n.put("status", s.status());
      n.put("fromNode", s.fromNode());
      n.put("toNode", s.toNode());
      n.put("inOAuthFlow", s.inOAuthFlow());
    }
  }
}
