package dev.maildiag.testkit.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class LoopbackClusterTest {
  /** Requests the URL {@code n} times, sending back the JSESSIONID cookie like a browser; returns the nodes that answered. */
  static List<String> session(String url, int n) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<String> nodes = new ArrayList<>();
    String cookie = null;
    for (int i = 0; i < n; i++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
      if (cookie != null) {
        b.header("Cookie", cookie);
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      nodes.add(r.headers().firstValue("X-ANODEID").orElseThrow());
      cookie = r.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(cookie);
    }
    return nodes;
  }

  @Test
  void aStickyBalancerKeepsTheSessionOnItsNode() throws Exception {
    try (LoopbackCluster cluster = LoopbackCluster.sticky(3)) {
      assertThat(session(cluster.baseUrl(), 5)).containsOnly("node1");
      assertThat(cluster.requests()).isEqualTo(5);
    }
  }

  @Test
  void aRoundRobinBalancerIgnoresTheSession() throws Exception {
    try (LoopbackCluster cluster = LoopbackCluster.roundRobin(2)) {
      assertThat(session(cluster.baseUrl(), 4)).containsExactly("node1", "node2", "node1", "node2");
    }
  }

  @Test
  void eachNodeUrlAnswersAsItsNode() throws Exception {
    try (LoopbackCluster cluster = LoopbackCluster.sticky(2)) {
      assertThat(cluster.nodeUrls()).hasSize(2).allMatch(u -> u.startsWith("http://127.0.0.1:"));
      assertThat(session(cluster.nodeUrls().get(1), 2)).containsOnly("node2");
      assertThat(cluster.requests()).isZero(); // node URLs bypass the balancer
    }
  }
}
