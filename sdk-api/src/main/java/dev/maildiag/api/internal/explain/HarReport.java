package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.Candidate;
import java.util.List;
import java.util.Map;

/**
 * What a HAR capture shows about the OAuth flow and the cluster nodes. Holds no token, code or cookie value.
 *
 * @param entries how many requests the capture holds
 * @param authorizeUrl the identity provider's authorization URL (no query), or null when no OAuth flow was found
 * @param callbackUrl the product's callback URL (no query), or null
 * @param productHost the host of the product (the redirect URI's host), or null
 * @param startNode the node that answered last before the authorization, or null
 * @param callbackNode the node that answered the callback, or null
 * @param nodesByHost the nodes seen answering each host, in order first seen
 * @param stickyCookies names of load-balancer stickiness cookies seen
 * @param switches every change of node within a host's session
 * @param candidates the root causes this points to (session-stickiness), most likely first; empty when none
 */
public record HarReport(long entries, String authorizeUrl, String callbackUrl, String productHost, String startNode,
    String callbackNode, Map<String, List<String>> nodesByHost, List<String> stickyCookies, List<NodeSwitch> switches,
    List<Candidate> candidates) {
  public HarReport {
    nodesByHost = Map.copyOf(nodesByHost);
    stickyCookies = List.copyOf(stickyCookies);
    switches = List.copyOf(switches);
    candidates = List.copyOf(candidates);
  }

  public boolean oauthFlowFound() {
    return authorizeUrl != null;
  }
}
