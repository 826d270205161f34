package dev.maildiag.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a diagnosis needs to know about the mail handler: server, OAuth client, tokens, network,
 * host product, cluster and time limits. Immutable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * DiagnosticContext context = DiagnosticContext.builder()
 *     .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL)
 *     .login("helpdesk@contoso.com")
 *     .provider("microsoft").tenant("contoso.onmicrosoft.com").clientId("...")
 *     .clientSecret(Secret.of(System.getenv("CLIENT_SECRET")))
 *     .refreshToken(Secret.of(storedRefreshToken))
 *     .build();
 * }</pre>
 */
public final class DiagnosticContext {
  private final MailServer server;
  private final OAuthClient oauth;
  private final Tokens tokens;
  private final NetworkSettings network;
  private final HostProduct product;
  private final Cluster cluster;
  private final Timeouts timeouts;
  private final MailboxLimits mailboxLimits;
  private final Map<Attribute<?>, Object> attributes;

  private DiagnosticContext(Builder b) {
    this.server = new MailServer(b.protocol, trim(b.host), b.port, b.security, trim(b.login), trim(b.mailbox),
        b.folder == null || b.folder.isBlank() ? "INBOX" : b.folder);
    this.oauth = new OAuthClient(trim(b.provider), trim(b.cloud), trim(b.authorizationEndpoint), trim(b.tokenEndpoint),
        trim(b.tenant), trim(b.clientId), b.clientSecret, b.clientSecretExpiresAt, b.scopes, trim(b.redirectUri));
    this.tokens = new Tokens(b.accessToken, b.refreshToken, b.password);
    this.network = b.network == null ? NetworkSettings.fromSystemProperties() : b.network;
    this.product = b.product;
    this.cluster = b.cluster;
    this.timeouts = b.timeouts;
    this.mailboxLimits = b.mailboxLimits;
    this.attributes = Map.copyOf(b.attributes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this context's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.protocol = server.protocol();
    b.host = server.host();
    b.port = server.port();
    b.security = server.security();
    b.login = server.login();
    b.mailbox = server.mailbox();
    b.folder = server.folder();
    b.provider = oauth.provider();
    b.cloud = oauth.cloud();
    b.authorizationEndpoint = oauth.authorizationEndpoint();
    b.tokenEndpoint = oauth.tokenEndpoint();
    b.tenant = oauth.tenant();
    b.clientId = oauth.clientId();
    b.clientSecret = oauth.clientSecret();
    b.clientSecretExpiresAt = oauth.clientSecretExpiresAt();
    b.scopes = new ArrayList<>(oauth.scopes());
    b.redirectUri = oauth.redirectUri();
    b.accessToken = tokens.accessToken();
    b.refreshToken = tokens.refreshToken();
    b.password = tokens.password();
    b.network = network;
    b.product = product;
    b.cluster = cluster;
    b.timeouts = timeouts;
    b.mailboxLimits = mailboxLimits;
    b.attributes.putAll(attributes);
    return b;
  }

  public MailServer server() {
    return server;
  }

  public OAuthClient oauth() {
    return oauth;
  }

  public Tokens tokens() {
    return tokens;
  }

  public NetworkSettings network() {
    return network;
  }

  /** The host product, if the caller named one. */
  public Optional<HostProduct> product() {
    return Optional.ofNullable(product);
  }

  /** The host product's cluster, if the caller described one. */
  public Optional<Cluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  public Timeouts timeouts() {
    return timeouts;
  }

  public MailboxLimits mailboxLimits() {
    return mailboxLimits;
  }

  /** A caller's own value. */
  public <T> Optional<T> attribute(Attribute<T> key) {
    return Optional.ofNullable(key.type().cast(attributes.get(key)));
  }

  /** A short, secret-free description of what is diagnosed, for report headers. */
  public Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    if (server.protocol() != null) {
      d.put("protocol", server.protocol().label());
    }
    if (server.host() != null) {
      d.put("host", server.host());
    }
    if (server.effectivePort() > 0) {
      d.put("port", Integer.toString(server.effectivePort()));
    }
    if (server.security() != null) {
      d.put("security", server.security().label());
    }
    putIfPresent(d, "login", server.login());
    putIfPresent(d, "mailbox", server.mailbox());
    putIfPresent(d, "folder", server.folder());
    putIfPresent(d, "provider", oauth.provider());
    putIfPresent(d, "cloud", oauth.cloud());
    putIfPresent(d, "tenant", oauth.tenant());
    putIfPresent(d, "clientId", oauth.clientId());
    product().ifPresent(p -> d.put("product", p.name() + " " + p.version() + (p.edition() == null ? "" : " " + p.edition())));
    return d;
  }

  @Override
  public String toString() {
    return "DiagnosticContext" + describe();
  }

  private static void putIfPresent(Map<String, String> d, String key, String value) {
    if (value != null && !value.isBlank()) {
      d.put(key, value);
    }
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Builds a {@link DiagnosticContext}; every setting is optional, checks report what is missing. */
  public static final class Builder {
    private Protocol protocol;
    private String host;
    private int port;
    private Security security;
    private String login;
    private String mailbox;
    private String folder;
    private String provider;
    private String cloud;
    private String authorizationEndpoint;
    private String tokenEndpoint;
    private String tenant;
    private String clientId;
    private Secret clientSecret;
    private Instant clientSecretExpiresAt;
    private List<String> scopes = new ArrayList<>();
    private String redirectUri;
    private Secret accessToken;
    private Secret refreshToken;
    private Secret password;
    private NetworkSettings network;
    private HostProduct product;
    private Cluster cluster;
    private Timeouts timeouts = Timeouts.DEFAULT;
    private MailboxLimits mailboxLimits = MailboxLimits.DEFAULT;
    private final Map<Attribute<?>, Object> attributes = new LinkedHashMap<>();

    private Builder() {}

    public Builder protocol(Protocol protocol) { this.protocol = protocol; return this; }
    public Builder host(String host) { this.host = host; return this; }
    /** The port; 0 means the protocol's usual port for the security. */
    public Builder port(int port) { this.port = port; return this; }
    public Builder security(Security security) { this.security = security; return this; }
    public Builder login(String login) { this.login = login; return this; }
    public Builder mailbox(String mailbox) { this.mailbox = mailbox; return this; }
    public Builder folder(String folder) { this.folder = folder; return this; }
    public Builder provider(String provider) { this.provider = provider; return this; }
    public Builder cloud(String cloud) { this.cloud = cloud; return this; }
    public Builder authorizationEndpoint(String url) { this.authorizationEndpoint = url; return this; }
    public Builder tokenEndpoint(String url) { this.tokenEndpoint = url; return this; }
    public Builder tenant(String tenant) { this.tenant = tenant; return this; }
    public Builder clientId(String clientId) { this.clientId = clientId; return this; }
    public Builder clientSecret(Secret secret) { this.clientSecret = secret; return this; }
    public Builder clientSecretExpiresAt(Instant expiry) { this.clientSecretExpiresAt = expiry; return this; }
    public Builder scopes(List<String> scopes) { this.scopes = new ArrayList<>(scopes); return this; }
    public Builder scope(String scope) { this.scopes.add(scope); return this; }
    public Builder redirectUri(String uri) { this.redirectUri = uri; return this; }
    public Builder accessToken(Secret token) { this.accessToken = token; return this; }
    public Builder refreshToken(Secret token) { this.refreshToken = token; return this; }
    public Builder password(Secret password) { this.password = password; return this; }
    /** Proxy settings; by default they are read from the JVM's system properties at {@link #build()}. */
    public Builder network(NetworkSettings network) { this.network = network; return this; }
    public Builder product(HostProduct product) { this.product = product; return this; }
    public Builder product(String name, String version, String edition) { return product(new HostProduct(name, version, edition)); }
    public Builder cluster(Cluster cluster) { this.cluster = cluster; return this; }
    public Builder timeouts(Timeouts timeouts) { this.timeouts = Objects.requireNonNull(timeouts); return this; }
    /** Sets connect and read timeouts to {@code step} and derives the rest, see {@link Timeouts#ofStep}. */
    public Builder timeout(Duration step) { this.timeouts = Timeouts.ofStep(step); return this; }
    public Builder mailboxLimits(MailboxLimits limits) { this.mailboxLimits = Objects.requireNonNull(limits); return this; }

    public <T> Builder attribute(Attribute<T> key, T value) {
      attributes.put(key, key.type().cast(Objects.requireNonNull(value)));
      return this;
    }

    public DiagnosticContext build() {
      return new DiagnosticContext(this);
    }
  }
}
