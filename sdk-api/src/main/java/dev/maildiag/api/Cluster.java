package dev.maildiag.api;

import java.util.List;

/**
 * The host product's cluster, when it runs on several nodes behind a load balancer.
 *
 * @param baseUrl the URL users reach through the load balancer, or null
 * @param nodeUrls the URLs of the individual nodes, possibly empty
 */
public record Cluster(String baseUrl, List<String> nodeUrls) {
  public Cluster {
    nodeUrls = nodeUrls == null ? List.of() : List.copyOf(nodeUrls);
  }
}
