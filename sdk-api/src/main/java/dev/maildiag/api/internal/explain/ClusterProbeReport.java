package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.Candidate;
import java.util.List;
import java.util.Map;

/**
 * What a live cluster probe saw.
 *
 * @param baseUrl the load-balanced URL probed (no query), or null when only nodes were given
 * @param nodeOfUrl for each node URL given, the node it names itself as (or "unknown")
 * @param answeredBy for each request to the base URL, in order, the node that answered (or "unknown")
 * @param switches requests answered by another node than the one before, despite the session cookie
 * @param candidates session-stickiness when the node changed; empty otherwise
 * @param note one line saying what the probe concluded
 */
public record ClusterProbeReport(String baseUrl, Map<String, String> nodeOfUrl, List<String> answeredBy, List<NodeSwitch> switches,
    List<Candidate> candidates, String note) {
  public ClusterProbeReport {
    nodeOfUrl = Map.copyOf(nodeOfUrl);
    answeredBy = List.copyOf(answeredBy);
    switches = List.copyOf(switches);
    candidates = List.copyOf(candidates);
  }
}
