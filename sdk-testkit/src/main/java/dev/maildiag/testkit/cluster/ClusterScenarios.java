package dev.maildiag.testkit.cluster;

import dev.maildiag.api.DiagnosticContext.Cluster;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.testkit.Scenario;
import dev.maildiag.testkit.ScenarioSource;
import dev.maildiag.testkit.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A clustered product behind a load balancer on loopback (KB root cause 13): a round-robin balancer that
 * moves the session between nodes. Diagnosed with the configuration and cluster stages; there is no mail
 * server, so there is no healthy scenario here (the sticky balancer is {@link LoopbackCluster#sticky}).
 */
public final class ClusterScenarios implements ScenarioSource {
  @Override
  public List<Scenario> scenarios() {
    return List.of(scenario(RootCause.SESSION_STICKINESS, "Two nodes behind a round-robin load balancer that ignores the session",
        LoopbackCluster::roundRobin));
  }

  static Scenario scenario(String failureMode, String description, IntFunction<LoopbackCluster> balancer) {
    return new Scenario() {
      @Override public String provider() { return "cluster"; }
      @Override public String failureMode() { return failureMode; }
      @Override public String description() { return description; }
      @Override public Simulation start() {
        LoopbackCluster cluster = balancer.apply(2);
        DiagnosticContext context = DiagnosticContext.builder()
            .protocol(Protocol.IMAP).host("imap.example.com").port(993).security(Security.SSL)
            .login("helpdesk@example.com")
            .tokenEndpoint("https://login.example.com/oauth2/token")
            .clientId("cluster-client").clientSecret(Secret.of("cluster-secret"))
            .refreshToken(Secret.of("cluster-refresh-token"))
            .network(NetworkSettings.direct())
            .cluster(new Cluster(cluster.baseUrl(), cluster.nodeUrls()))
            .timeout(Duration.ofSeconds(5))
            .build();
        return new Simulation() {
          @Override public DiagnosticContext context() { return context; }
          @Override public Maildiag maildiag() { return Maildiag.builder().stages(Stage.CONFIG, Stage.CLUSTER).build(); }
          @Override public void close() { cluster.close(); }
        };
      }
    };
  }
}
