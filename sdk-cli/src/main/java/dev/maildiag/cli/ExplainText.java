package dev.maildiag.cli;

import dev.maildiag.api.RootCause;
import dev.maildiag.api.internal.explain.ClusterProbeReport;
import dev.maildiag.api.internal.explain.HarReport;
import dev.maildiag.api.internal.explain.LogFinding;
import dev.maildiag.api.internal.explain.LogReport;
import dev.maildiag.api.internal.explain.NodeSwitch;
import dev.maildiag.api.spi.Candidate;
import java.util.List;

/** The text form of explain's results: ranked causes, why, and the steps to fix each. */
final class ExplainText {
  private static final String NL = System.lineSeparator();

  private ExplainText() {}

  static String candidates(List<Candidate> ranked) {
    if (ranked.isEmpty()) {
      return "Nothing recognised: no known error code, phrase or exception in this text." + NL
          + "Paste the whole error (with the server's answer or the exception's cause), or run 'maildiag check'." + NL;
    }
    StringBuilder out = new StringBuilder(ranked.size() == 1 ? "Most likely cause:" + NL : "Possible causes, most likely first:" + NL);
    int i = 1;
    for (Candidate c : ranked) {
      RootCause rc = KnownRootCauses.find(c.rootCause()).orElse(null);
      out.append(NL).append(i++).append(". ").append(rc == null ? c.rootCause() : rc.title())
          .append(" [").append(c.rootCause()).append(", ").append(percent(c.confidence())).append(']').append(NL);
      out.append("   Why: ").append(c.reason()).append(NL);
      if (rc != null && !rc.remediation().steps().isEmpty()) {
        out.append("   Fix:").append(NL);
        int step = 1;
        for (String s : rc.remediation().steps()) {
          out.append("     ").append(step++).append(") ").append(s).append(NL);
        }
      }
    }
    return out.toString();
  }

  static String log(String file, LogReport report, List<Candidate> ranked) {
    StringBuilder out = new StringBuilder("Scanned " + file + ": " + report.lines() + " lines, " + report.bytes() + " bytes." + NL);
    if (report.findings().isEmpty()) {
      return out.append("Nothing recognised in the log.").append(NL).toString();
    }
    out.append(NL).append("Found, most frequent first:").append(NL);
    for (LogFinding f : report.findings()) {
      out.append("  ").append(f.count()).append(" x ").append(f.rootCause()).append(" - ").append(seen(f)).append(NL)
          .append("      e.g. ").append(f.example()).append(NL);
    }
    return out.append(NL).append(candidates(ranked)).toString();
  }

  static String seen(LogFinding f) {
    String first = f.firstSeen() == null ? "line " + f.firstLine() : f.firstSeen() + " (line " + f.firstLine() + ")";
    String last = f.lastSeen() == null ? "line " + f.lastLine() : f.lastSeen() + " (line " + f.lastLine() + ")";
    return f.count() + (f.count() == 1 ? " line, at " + first : " lines, first " + first + ", last " + last);
  }

  static String har(String file, HarReport r) {
    StringBuilder out = new StringBuilder("Read " + file + ": " + r.entries() + " requests." + NL);
    if (r.oauthFlowFound()) {
      out.append("OAuth flow: ").append(r.authorizeUrl()).append(NL)
          .append("  callback: ").append(r.callbackUrl() == null ? "(none in the capture)" : r.callbackUrl()).append(NL)
          .append("  started on node ").append(orUnknown(r.startNode())).append(", callback answered by node ")
          .append(orUnknown(r.callbackNode())).append(NL);
    } else {
      out.append("No OAuth authorization flow in the capture.").append(NL);
    }
    r.nodesByHost().forEach((host, nodes) -> out.append("Nodes answering ").append(host).append(": ").append(String.join(", ", nodes)).append(NL));
    if (!r.stickyCookies().isEmpty()) {
      out.append("Load-balancer cookies: ").append(String.join(", ", r.stickyCookies())).append(NL);
    }
    switches(out, r.switches());
    if (r.nodesByHost().isEmpty()) {
      out.append("No response named its node (no node-id header or routing cookie).").append(NL);
    }
    return out.append(NL).append(candidates(r.candidates())).toString();
  }

  static String cluster(ClusterProbeReport r) {
    StringBuilder out = new StringBuilder();
    r.nodeOfUrl().forEach((url, node) -> out.append("Node URL ").append(url).append(" answers as ").append(node).append(NL));
    if (r.baseUrl() != null) {
      out.append("Requests to ").append(r.baseUrl()).append(" with one session: ").append(String.join(", ", r.answeredBy())).append(NL);
    }
    switches(out, r.switches());
    out.append(r.note()).append(NL);
    return out.append(NL).append(candidates(r.candidates())).toString();
  }

  private static void switches(StringBuilder out, List<NodeSwitch> switches) {
    for (NodeSwitch s : switches) {
      out.append("  switched node ").append(s.fromNode()).append(" -> ").append(s.toNode()).append(" at #").append(s.entry())
          .append(' ').append(s.method()).append(' ').append(s.url()).append(" (").append(s.status()).append(')')
          .append(s.inOAuthFlow() ? " during the OAuth flow" : "").append(NL);
    }
  }

  private static String orUnknown(String node) {
    return node == null ? "unknown" : node;
  }

  private static String percent(double confidence) {
    return Math.round(confidence * 100) + "%";
  }
}
