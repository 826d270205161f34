package dev.maildiag.testkit.microsoft;

import dev.maildiag.testkit.internal.TestStores;
import dev.maildiag.microsoft.MicrosoftClouds;
import dev.maildiag.testkit.MailboxWitness;
import dev.maildiag.api.DiagnosticContext.Cluster;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.net.TlsTrust;
import dev.maildiag.api.spi.Key;
import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.ScriptedUser;
import dev.maildiag.testkit.SimulatedBrowser;
import dev.maildiag.microsoft.MicrosoftCloud;
import dev.maildiag.testkit.Simulation;
import dev.maildiag.testkit.cluster.LoopbackCluster;
import dev.maildiag.testkit.proxy.MockProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running simulated Microsoft 365: an identity platform and an Exchange Online mail server on loopback,
 * and the context a mail handler configured against them has.
 *
 * <pre>{@code
 * try (Microsoft365Simulation m365 = Microsoft365Simulation.failing("protocol-disabled").start()) {
 *   Report report = m365.maildiag().diagnose(m365.context());
 *   assertThat(report).hasTopRootCause("protocol-disabled");
 * }
 * }</pre>
 */
public final class Microsoft365Simulation implements Simulation {
  private final Microsoft365Setup setup;
  private final SimulatedIdentityPlatform idp;
  private final SimulatedExchange exchange;
  private final DiagnosticContext context;
  private final String issuedToken;
  private final LoopbackCluster cluster;
  private final MockProxy proxy;

  private Microsoft365Simulation(Microsoft365Setup setup) {
    this.setup = setup;
    this.idp = SimulatedIdentityPlatform.start();
    try {
      this.issuedToken = issueToken();
      script();
      scriptSignIn();
      this.exchange = SimulatedExchange.start(setup, issuedToken);
    } catch (RuntimeException e) {
      idp.close();
      throw e;
    }
    this.proxy = setup.proxyDenies ? MockProxy.denying().start() : null;
    this.cluster = setup.clusterSticky == null ? null
        : setup.clusterSticky ? LoopbackCluster.sticky(2) : LoopbackCluster.roundRobin(2);
    this.context = buildContext();
  }

  /**
   * A healthy worldwide tenant read over IMAP, to change before {@link Builder#start()}.
   *
   * @return a builder; {@link Builder#start()} starts the simulation
   */
  public static Builder healthy() {
    return new Builder();
  }

  /**
   * A worldwide IMAP tenant in the failure mode named by a root-cause id (or {@code healthy}).
   *
   * @param failureMode a root-cause id of {@link Microsoft365Failures}, or {@code healthy}
   * @return a builder; {@link Builder#start()} starts the simulation
   */
  public static Builder failing(String failureMode) {
    return new Builder().failure(failureMode);
  }

  private String issueToken() {
    List<String> granted = setup.grantedPermissions != null ? setup.grantedPermissions : asked();
    SimulatedIdentityPlatform.TokenBuilder t = SimulatedIdentityPlatform.token()
        .audience(setup.tokenAudience != null ? setup.tokenAudience : setup.cloud.audiences().get(0))
        .issuerHost(setup.cloud.id().equals("worldwide") || setup.cloud.id().equals("gcc") ? "sts.windows.net" : setup.cloud.authorityHost())
        .tenant(setup.tenantId)
        .clientId(setup.clientId);
    if (setup.tokenExpires != null) {
      t.expires(setup.tokenExpires);
    }
    if (setup.appOnly) {
      t.roles(granted);
    } else {
      t.user(setup.signedInUser).scopes(granted);
    }
    return t.sign();
  }

  /** The permissions the configured scopes ask for (app-only: the protocol's application role). */
  private List<String> asked() {
    if (setup.appOnly) {
      return List.of(MicrosoftCloud.APP_ONLY.get(setup.protocol));
    }
    return setup.scopes.stream().map(s -> s.substring(s.lastIndexOf('/') + 1))
        .filter(s -> !s.equals(MicrosoftCloud.OFFLINE_ACCESS)).toList();
  }

  private void script() {
    List<String> segments = new ArrayList<>(List.of(setup.tenantId, setup.domain, "common", "organizations"));
    for (String segment : segments) {
      boolean refuse = setup.refusalBody != null && (setup.refuseOnlyAt == null || setup.refuseOnlyAt.equals(segment));
      if (refuse) {
        idp.refuses(segment, setup.refusalStatus, setup.refusalBody);
      } else {
        idp.issues(segment, issuedToken, setup.scopes.isEmpty() ? "" : String.join(" ", setup.scopes));
      }
    }
  }

  /** The interactive side: who signs in and what the app registration allows. */
  private void scriptSignIn() {
    idp.signIn()
        .user(setup.scriptedUser != null ? setup.scriptedUser : ScriptedUser.signsInAs(setup.login))
        .registeredRedirects(setup.registeredRedirects)
        .pageRefuses(setup.signInPageRefusal)
        .publicClientFlows(setup.publicClientFlows);
    idp.mintsForSignIn(account -> SimulatedIdentityPlatform.token()
        .audience(setup.cloud.audiences().get(0)).tenant(setup.tenantId).clientId(setup.clientId)
        .user(account).scopes(asked()).sign());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private DiagnosticContext buildContext() {
    DiagnosticContext.Builder b = DiagnosticContext.builder()
        .protocol(setup.protocol)
        .login(setup.login)
        .mailbox(setup.mailbox)
        .folder(setup.folder)
        .provider("microsoft")
        .cloud(setup.declaredCloud)
        .tenant(setup.tenantId)
        .clientId(setup.clientId)
        .clientSecret(Secret.ofNullable(setup.clientSecret))
        .tokenEndpoint(setup.identityBlocked ? "https://127.0.0.1:" + closedPort() + "/" + setup.endpointTenant + "/oauth2/v2.0/token"
            : idp.tokenEndpoint(setup.endpointTenant))
        .authorizationEndpoint(idp.authorizationEndpoint(setup.endpointTenant))
        .scopes(setup.scopes)
        .network(proxy == null ? setup.network : throughProxy(proxy))
        .attribute(TlsTrust.ATTRIBUTE, TestStores.tlsTrust())
        .timeout(Duration.ofSeconds(5));
    if (setup.configuredHost != null) {
      setup.cloud.endpoint(setup.protocol).ifPresent(e -> b.port(e.port()).security(e.security()));
      b.host(setup.configuredHost);
    } else {
      exchange.configure(b);
      if (setup.mailBlocked) {
        b.port(closedPort());
      }
    }
    if (setup.password != null) {
      // a handler on basic authentication: the password, no token, no client secret to get one
      b.password(Secret.ofNullable(setup.password)).clientSecret(null);
    } else if (setup.accessTokenOnly) {
      b.accessToken(Secret.ofNullable(issuedToken)).clientSecret(null);
    } else if (setup.signIn != null) {
      // the administrator signs in; no stored refresh token
      b.attribute(SignIn.ATTRIBUTE, SignIn.of(setup.signIn, new SimulatedBrowser()).withTimeout(Duration.ofSeconds(20)));
      if (setup.signIn == SignIn.Flow.PASTE) {
        b.redirectUri(setup.redirectUri);
      }
    } else if (!setup.appOnly) {
      b.refreshToken(Secret.ofNullable(setup.refreshToken));
    }
    if (setup.product != null) {
      b.product(setup.product);
    }
    if (cluster != null) {
      b.cluster(new Cluster(cluster.baseUrl(), cluster.nodeUrls()));
    }
    for (Map.Entry<Key<?>, Object> a : setup.attributes.entrySet()) {
      b.attribute((Key) a.getKey(), a.getValue());
    }
    return b.build();
  }

  /** The JVM's proxy settings sending identity and mail traffic through this proxy, with nothing exempted. */
  private NetworkSettings throughProxy(MockProxy p) {
    ProxyServer https = new ProxyServer(p.host(), p.port(), null, null, "https.proxyHost");
    String mailName = setup.protocol.jakartaName(Security.SSL);
    return new NetworkSettings(null, https, "*.corp.example", null, null,
        Map.of(mailName, new ProxyServer(p.host(), p.port(), null, null, "mail." + mailName + ".proxy.host")), Map.of());
  }

  /** A loopback port nothing listens on: what a firewall that rejects connections looks like. */
  static int closedPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public DiagnosticContext context() {
    return context;
  }

  /** The access token the simulated token endpoint issues; the healthy mail server accepts it. */
  @Override
  public java.util.Optional<Secret> accessToken() {
    return java.util.Optional.of(Secret.of(issuedToken));
  }

  /** Every provider on the class path, limited to the stages and checks the setup can be diagnosed with. */
  @Override
  public Maildiag maildiag() {
    Stage[] stages = setup.stages.toArray(new Stage[0]);
    Maildiag.Builder b = Maildiag.builder().stages(stages[0], java.util.Arrays.copyOfRange(stages, 1, stages.length));
    setup.excludedChecks.forEach(b::exclude);
    return b.build();
  }

  /** The mailbox the diagnosis reads; none when the setup names a real host that is never contacted. */
  @Override
  public Optional<MailboxWitness> mailbox() {
    return setup.configuredHost != null ? Optional.empty() : Optional.of(exchange.witness(setup));
  }

  /** The context's secrets, the access token, and the rotated refresh token this simulation issued. */
  @Override
  public List<Secret> secrets() {
    List<Secret> all = new ArrayList<>(Simulation.super.secrets());
    all.add(Secret.ofNullable(idp.rotatedRefreshToken()));
    all.add(Secret.ofNullable(setup.refreshToken));
    all.add(Secret.ofNullable(setup.clientSecret));
    idp.signIn().secrets().forEach(v -> all.add(Secret.of(v)));
    return List.copyOf(all);
  }

  /**
   * What this simulation was started with.
   *
   * @return the setup
   */
  public Microsoft365Setup setup() {
    return setup;
  }

  /**
   * The simulated identity platform, to script more answers.
   *
   * @return the identity platform
   */
  public SimulatedIdentityPlatform identityPlatform() {
    return idp;
  }

  /**
   * The simulated Exchange Online mail servers.
   *
   * @return the mail servers
   */
  public SimulatedExchange exchange() {
    return exchange;
  }

  @Override
  public void close() {
    try {
      exchange.close();
      if (cluster != null) {
        cluster.close();
      }
      if (proxy != null) {
        proxy.close();
      }
    } finally {
      idp.close();
    }
  }

  /** Describes a simulated Microsoft 365 before it starts. */
  public static final class Builder {
    private MicrosoftCloud cloud = MicrosoftClouds.WORLDWIDE;
    private Protocol protocol = Protocol.IMAP;
    private String failure = "healthy";
    private final List<Consumer<Microsoft365Setup>> changes = new ArrayList<>();

    /**
     * The Microsoft cloud.
     *
     * @param id {@code worldwide}, {@code gcc}, {@code gcc-high}, {@code dod} or {@code china}
     * @return this builder
     * @throws IllegalArgumentException for an unknown cloud
     */
    public Builder cloud(String id) {
      this.cloud = MicrosoftClouds.byId(id).orElseThrow(() -> new IllegalArgumentException("unknown cloud " + id));
      return this;
    }

    /**
     * The protocol the handler reads mail with.
     *
     * @param p the protocol; IMAP by default
     * @return this builder
     */
    public Builder protocol(Protocol p) {
      this.protocol = p;
      return this;
    }

    /**
     * The failure mode by root-cause id, or {@code healthy}.
     *
     * @param id a root-cause id of {@link Microsoft365Failures}, or {@code healthy}
     * @return this builder
     */
    public Builder failure(String id) {
      if (!id.equals("healthy")) {
        Microsoft365Failures.of(id);
      }
      this.failure = id;
      return this;
    }

    /**
     * Any further change to the setup, applied after the failure mode.
     *
     * @param change changes the setup, e.g. {@code s -> s.folder = "Posteingang"}
     * @return this builder
     */
    public Builder with(Consumer<Microsoft365Setup> change) {
      changes.add(change);
      return this;
    }

    /**
     * Starts the identity platform and the mail servers on loopback.
     *
     * @return the running simulation; close it to stop them
     */
    public Microsoft365Simulation start() {
      Microsoft365Setup s = Microsoft365Setup.healthy(cloud, protocol);
      if (!failure.equals("healthy")) {
        Microsoft365Failures.of(failure).apply().accept(s);
      }
      changes.forEach(c -> c.accept(s));
      return new Microsoft365Simulation(s);
    }
  }
}
