package dev.maildiag.testkit.offline;

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
import java.util.List;
import java.util.function.UnaryOperator;

/** Configuration-only samples: diagnosed without any network, so they run anywhere. */
public final class OfflineSamples implements ScenarioSource {
  @Override
  public List<Scenario> scenarios() {
    return List.of(
        sample(Scenario.HEALTHY, "IMAP on 993 with TLS, a refresh token and a client secret", b -> b),
        sample(RootCause.TLS_MODE_MISMATCH, "IMAP on 993 configured without TLS", b -> b.security(Security.NONE)),
        sample(RootCause.INVALID_CONFIGURATION, "A token endpoint that is not a URL", b -> b.tokenEndpoint("login.example.com/token")));
  }

  private static Scenario sample(String failureMode, String description, UnaryOperator<DiagnosticContext.Builder> change) {
    return new Scenario() {
      @Override public String provider() { return "offline"; }
      @Override public String failureMode() { return failureMode; }
      @Override public String description() { return description; }
      @Override public Simulation start() {
        DiagnosticContext context = change.apply(base()).build();
        return new Simulation() {
          @Override public DiagnosticContext context() { return context; }
          @Override public Maildiag maildiag() { return Maildiag.builder().stages(Stage.CONFIG).build(); }
          @Override public void close() {}
        };
      }
    };
  }

  private static DiagnosticContext.Builder base() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("imap.example.com").port(993).security(Security.SSL)
        .login("helpdesk@example.com")
        .tokenEndpoint("https://login.example.com/oauth2/token")
        .clientId("sample-client").clientSecret(Secret.of("sample-secret"))
        .refreshToken(Secret.of("sample-refresh-token"))
        .network(NetworkSettings.direct());
  }
}
