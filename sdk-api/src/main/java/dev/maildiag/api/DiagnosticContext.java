package dev.maildiag.api;

import dev.maildiag.api.spi.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything a diagnosis needs to know about the mail handler: server, OAuth client, tokens, network,
 * host product, cluster and time limits. Immutable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * DiagnosticContext context = DiagnosticContext.builder()
 *     .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL)
 *     .login("helpdesk@contoso.com")
 *     .provider("microsoft").tenant("contoso.onmicrosoft.com").clientId("...")
 *     .clientSecret(Secret.ofNullable(System.getenv("CLIENT_SECRET")))
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
  private final Map<Key<?>, Object> attributes;

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

  /**
   * Starts a context; every setting is optional.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this context's values, to derive a changed copy.
   *
   * @return a new builder with this context's values
   */
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

  /**
   * The mail server side: protocol, host, port, security, login, mailbox and folder.
   *
   * @return the mail server settings
   */
  public MailServer server() {
    return server;
  }

  /**
   * The OAuth 2.0 client the handler uses.
   *
   * @return the OAuth client settings
   */
  public OAuthClient oauth() {
    return oauth;
  }

  /**
   * The credentials the handler holds.
   *
   * @return the tokens; none of them is ever shown
   */
  public Tokens tokens() {
    return tokens;
  }

  /**
   * The proxy settings the handler runs with.
   *
   * @return the network settings
   */
  public NetworkSettings network() {
    return network;
  }

  /**
   * The host product, if the caller named one.
   *
   * @return the host product, or empty
   */
  public Optional<HostProduct> product() {
    return Optional.ofNullable(product);
  }

  /**
   * The host product's cluster, if the caller described one.
   *
   * @return the cluster, or empty
   */
  public Optional<Cluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * The time limits of the diagnosis.
   *
   * @return the timeouts
   */
  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * When a folder counts as flooded.
   *
   * @return the limits
   */
  public MailboxLimits mailboxLimits() {
    return mailboxLimits;
  }

  /**
   * A caller's own value.
   *
   * @param key the attribute's key
   * @param <T> the attribute's type
   * @return the value set with {@link Builder#attribute}, or empty
   */
  public <T> Optional<T> attribute(Key<T> key) {
    return Optional.ofNullable(key.type().cast(attributes.get(key)));
  }

  /**
   * A short, secret-free description of what is diagnosed, for report headers.
   *
   * @return name to value, e.g. {@code protocol=imap}, in a stable order
   */
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
    private final Map<Key<?>, Object> attributes = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The mail protocol.
     *
     * @param protocol IMAP, POP3 or SMTP
     * @return this builder
     */
    public Builder protocol(Protocol protocol) { this.protocol = protocol; return this; }
    /**
     * The mail host.
     *
     * @param host e.g. {@code outlook.office365.com}
     * @return this builder
     */
    public Builder host(String host) { this.host = host; return this; }
    /**
     * The port; 0 means the protocol's usual port for the security.
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) { this.port = port; return this; }
    /**
     * How the connection is secured; SSL when not set.
     *
     * @param security implicit TLS, STARTTLS or none
     * @return this builder
     */
    public Builder security(Security security) { this.security = security; return this; }
    /**
     * The account that signs in and authorizes the mailbox.
     *
     * @param login an e-mail address
     * @return this builder
     */
    public Builder login(String login) { this.login = login; return this; }
    /**
     * The mailbox read, when it is not the login's own (a shared or delegated mailbox).
     *
     * @param mailbox an e-mail address, or null
     * @return this builder
     */
    public Builder mailbox(String mailbox) { this.mailbox = mailbox; return this; }
    /**
     * The folder the handler reads; {@code INBOX} when not set.
     *
     * @param folder the folder's name as the handler has it
     * @return this builder
     */
    public Builder folder(String folder) { this.folder = folder; return this; }
    /**
     * The mail provider; inferred from the hosts when not set.
     *
     * @param provider {@code microsoft} or {@code google}
     * @return this builder
     */
    public Builder provider(String provider) { this.provider = provider; return this; }
    /**
     * The Microsoft cloud; inferred from the hosts when not set.
     *
     * @param cloud {@code worldwide}, {@code gcc}, {@code gcc-high}, {@code dod} or {@code china}
     * @return this builder
     */
    public Builder cloud(String cloud) { this.cloud = cloud; return this; }
    /**
     * The OAuth authorization endpoint, as configured.
     *
     * @param url the URL, kept as text so that a malformed one can be reported
     * @return this builder
     */
    public Builder authorizationEndpoint(String url) { this.authorizationEndpoint = url; return this; }
    /**
     * The OAuth token endpoint, as configured; the provider's when not set.
     *
     * @param url the URL, kept as text so that a malformed one can be reported
     * @return this builder
     */
    public Builder tokenEndpoint(String url) { this.tokenEndpoint = url; return this; }
    /**
     * The Microsoft tenant.
     *
     * @param tenant a tenant id or domain
     * @return this builder
     */
    public Builder tenant(String tenant) { this.tenant = tenant; return this; }
    /**
     * The OAuth app's client id.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) { this.clientId = clientId; return this; }
    /**
     * The OAuth app's client secret.
     *
     * @param secret the secret, or null for a public client
     * @return this builder
     */
    public Builder clientSecret(Secret secret) { this.clientSecret = secret; return this; }
    /**
     * When the client secret expires, when the caller knows it.
     *
     * @param expiry the expiry, or null
     * @return this builder
     */
    public Builder clientSecretExpiresAt(Instant expiry) { this.clientSecretExpiresAt = expiry; return this; }
    /**
     * The scopes the handler asks for, replacing any set before.
     *
     * @param scopes the scopes, in order
     * @return this builder
     */
    public Builder scopes(List<String> scopes) { this.scopes = new ArrayList<>(scopes); return this; }
    /**
     * Adds one scope.
     *
     * @param scope e.g. {@code https://outlook.office.com/IMAP.AccessAsUser.All}
     * @return this builder
     */
    public Builder scope(String scope) { this.scopes.add(scope); return this; }
    /**
     * The redirect URI the product registers with its OAuth app.
     *
     * @param uri the URI, as configured
     * @return this builder
     */
    public Builder redirectUri(String uri) { this.redirectUri = uri; return this; }
    /**
     * An access token the handler holds.
     *
     * @param token the token, or null
     * @return this builder
     */
    public Builder accessToken(Secret token) { this.accessToken = token; return this; }
    /**
     * The refresh token the handler stored when the mailbox was authorized.
     *
     * @param token the token, or null
     * @return this builder
     */
    public Builder refreshToken(Secret token) { this.refreshToken = token; return this; }
    /**
     * The mailbox password of a handler on basic authentication: used only to show whether the server refuses it.
     *
     * @param password the password, or null
     * @return this builder
     */
    public Builder password(Secret password) { this.password = password; return this; }
    /**
     * Proxy settings; by default they are read from the JVM's system properties at {@link #build()}.
     *
     * @param network the settings, e.g. {@link NetworkSettings#direct()}
     * @return this builder
     */
    public Builder network(NetworkSettings network) { this.network = network; return this; }
    /**
     * The product that runs the handler.
     *
     * @param product the product, or null
     * @return this builder
     */
    public Builder product(HostProduct product) { this.product = product; return this; }
    /**
     * The product that runs the handler.
     *
     * @param name e.g. {@code jira}
     * @param version e.g. {@code 9.12.1}
     * @param edition e.g. {@code data-center}, or null
     * @return this builder
     */
    public Builder product(String name, String version, String edition) { return product(new HostProduct(name, version, edition)); }
    /**
     * The product's cluster, to check that its load balancer keeps sessions on one node.
     *
     * @param cluster the cluster, or null
     * @return this builder
     */
    public Builder cluster(Cluster cluster) { this.cluster = cluster; return this; }
    /**
     * All time limits at once.
     *
     * @param timeouts the limits
     * @return this builder
     */
    public Builder timeouts(Timeouts timeouts) { this.timeouts = Objects.requireNonNull(timeouts); return this; }
    /**
     * Sets connect and read timeouts to {@code step} and derives the rest, see {@link Timeouts#ofStep}.
     *
     * @param step the connect and read timeout of every network step
     * @return this builder
     */
    public Builder timeout(Duration step) { this.timeouts = Timeouts.ofStep(step); return this; }
    /**
     * When a folder counts as flooded.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder mailboxLimits(MailboxLimits limits) { this.mailboxLimits = Objects.requireNonNull(limits); return this; }

    /**
     * A value of the caller's own, for its own checks (read with {@link DiagnosticContext#attribute}).
     *
     * @param key the key, e.g. {@code Key.of("acme.pollingInterval", Duration.class)}
     * @param value the value, never null
     * @param <T> the value's type
     * @return this builder
     */
    public <T> Builder attribute(Key<T> key, T value) {
      attributes.put(key, key.type().cast(Objects.requireNonNull(value)));
      return this;
    }

    /**
     * Builds the context; proxy settings not set are read from the JVM's system properties now.
     *
     * @return the context
     */
    public DiagnosticContext build() {
      return new DiagnosticContext(this);
    }
  }

  /**
   * The mail server side of what is diagnosed.
   *
   * @param protocol imap, pop3 or smtp; null when not configured
   * @param host the mail host name
   * @param port the port, or 0 for the protocol's usual port with this security
   * @param security ssl, starttls or none; null when not configured
   * @param login the account that signs in and authorizes the mailbox (the access token's user)
   * @param mailbox the mailbox address when it differs from the login (shared or delegated mailbox); the
   *     XOAUTH2 {@code user=} is this address, or the login when there is none
   * @param folder the folder the handler reads, {@code INBOX} by default
   */
  public record MailServer(Protocol protocol, String host, int port, Security security, String login, String mailbox, String folder) {

    /**
     * The configured port, or the usual one for the protocol and security.
     *
     * @return the port, or 0 when neither port nor protocol is known
     */
    public int effectivePort() {
      if (port > 0) {
        return port;
      }
      if (protocol == null) {
        return 0;
      }
      return protocol.defaultPort(security == null ? Security.SSL : security);
    }

    /**
     * The address of the mailbox being read: the mailbox if set, else the login.
     *
     * @return the mailbox address
     */
    public String effectiveMailbox() {
      return mailbox == null || mailbox.isBlank() ? login : mailbox;
    }
  }

  /**
   * The OAuth 2.0 client the handler uses.
   *
   * @param provider {@code microsoft}, {@code google}, or null to infer from the hosts
   * @param cloud the provider's cloud ({@code worldwide}, {@code gcc}, {@code gcc-high}, {@code dod}, {@code china}), or null
   * @param authorizationEndpoint as configured; kept as text so that a malformed value can be reported
   * @param tokenEndpoint as configured
   * @param tenant tenant id or domain, or null
   * @param clientId the app's client id
   * @param clientSecret the client secret, or null
   * @param clientSecretExpiresAt when the caller knows it, the secret's expiry
   * @param scopes the configured scopes, in order
   * @param redirectUri the redirect URI the product registers
   */
  public record OAuthClient(
      String provider,
      String cloud,
      String authorizationEndpoint,
      String tokenEndpoint,
      String tenant,
      String clientId,
      Secret clientSecret,
      Instant clientSecretExpiresAt,
      List<String> scopes,
      String redirectUri) {

    /**
     * The OAuth client; scopes are copied.
     *
     * @param provider see the record
     * @param cloud see the record
     * @param authorizationEndpoint see the record
     * @param tokenEndpoint see the record
     * @param tenant see the record
     * @param clientId see the record
     * @param clientSecret see the record
     * @param clientSecretExpiresAt see the record
     * @param scopes see the record; null means none
     * @param redirectUri see the record
     */
    public OAuthClient {
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * True when anything about OAuth was configured.
     *
     * @return whether a client id, endpoint or scope is set
     */
    public boolean isConfigured() {
      return clientId != null || tokenEndpoint != null || authorizationEndpoint != null || !scopes.isEmpty();
    }
  }

  /**
   * Credentials the caller already holds. All are secrets.
   *
   * @param accessToken an access token to authenticate with, or null
   * @param refreshToken a refresh token to obtain a fresh access token, or null
   * @param password a password, only to show that a server refuses basic authentication, or null
   */
  public record Tokens(Secret accessToken, Secret refreshToken, Secret password) {
    /**
     * No credentials at all.
     */
    public static final Tokens NONE = new Tokens(null, null, null);
  }

  /**
   * The proxy settings that decide how mail and identity traffic leaves the JVM, read by default from the
   * JVM's own system properties.
   *
   * @param httpProxy {@code http.proxyHost}/{@code http.proxyPort}, or null
   * @param httpsProxy {@code https.proxyHost}/{@code https.proxyPort}, or null
   * @param nonProxyHosts {@code http.nonProxyHosts} (the JDK applies it to HTTPS too), or null
   * @param httpsNonProxyHosts {@code https.nonProxyHosts}, which the JDK ignores, or null
   * @param socksProxy {@code socksProxyHost}/{@code socksProxyPort}, or null
   * @param mailProxies Jakarta Mail's {@code mail.<protocol>.proxy.*}, by protocol name ({@code imaps}, ...)
   * @param mailSocksProxies Jakarta Mail's {@code mail.<protocol>.socks.*}, by protocol name
   */
  public record NetworkSettings(
      ProxyServer httpProxy,
      ProxyServer httpsProxy,
      String nonProxyHosts,
      String httpsNonProxyHosts,
      ProxyServer socksProxy,
      Map<String, ProxyServer> mailProxies,
      Map<String, ProxyServer> mailSocksProxies) {

    private static final String[] MAIL_PROTOCOLS = {"imap", "imaps", "pop3", "pop3s", "smtp", "smtps"};

    /**
     * Network settings; the maps are copied.
     *
     * @param httpProxy see the record
     * @param httpsProxy see the record
     * @param nonProxyHosts see the record
     * @param httpsNonProxyHosts see the record
     * @param socksProxy see the record
     * @param mailProxies see the record
     * @param mailSocksProxies see the record
     */
    public NetworkSettings {
      mailProxies = Map.copyOf(mailProxies);
      mailSocksProxies = Map.copyOf(mailSocksProxies);
    }

    /**
     * No proxy at all: what a test or an embedding caller that manages its own network wants.
     *
     * @return settings without any proxy
     */
    public static NetworkSettings direct() {
      return new NetworkSettings(null, null, null, null, null, Map.of(), Map.of());
    }

    /**
     * Reads the current JVM system properties.
     *
     * @return the JVM's proxy settings now
     */
    public static NetworkSettings fromSystemProperties() {
      return from(System.getProperties());
    }

    /**
     * Reads proxy settings from the given properties, named as the JVM and Jakarta Mail name them.
     *
     * @param p e.g. the handler's Jakarta Mail session properties
     * @return the proxy settings they hold
     */
    public static NetworkSettings from(Properties p) {
      Map<String, ProxyServer> mail = new LinkedHashMap<>();
      Map<String, ProxyServer> socks = new LinkedHashMap<>();
      for (String protocol : MAIL_PROTOCOLS) {
        String prefix = "mail." + protocol + ".";
        ProxyServer proxy = proxy(p, prefix + "proxy.host", prefix + "proxy.port", 80, prefix + "proxy.user", prefix + "proxy.password");
        if (proxy != null) {
          mail.put(protocol, proxy);
        }
        ProxyServer sock = proxy(p, prefix + "socks.host", prefix + "socks.port", 1080, null, null);
        if (sock != null) {
          socks.put(protocol, sock);
        }
      }
      return new NetworkSettings(
          proxy(p, "http.proxyHost", "http.proxyPort", 80, "http.proxyUser", "http.proxyPassword"),
          proxy(p, "https.proxyHost", "https.proxyPort", 443, "https.proxyUser", "https.proxyPassword"),
          blankToNull(p.getProperty("http.nonProxyHosts")),
          blankToNull(p.getProperty("https.nonProxyHosts")),
          proxy(p, "socksProxyHost", "socksProxyPort", 1080, "java.net.socks.username", "java.net.socks.password"),
          mail,
          socks);
    }

    /**
     * True when no proxy of any kind is configured.
     *
     * @return whether every connection goes direct
     */
    public boolean isDirect() {
      return httpProxy == null && httpsProxy == null && socksProxy == null && mailProxies.isEmpty() && mailSocksProxies.isEmpty();
    }

    private static ProxyServer proxy(Properties p, String hostKey, String portKey, int defaultPort, String userKey, String passwordKey) {
      String host = blankToNull(p.getProperty(hostKey));
      if (host == null) {
        return null;
      }
      int port = defaultPort;
      // Jakarta Mail also accepts host:port in proxy.host
      int colon = host.lastIndexOf(':');
      if (colon > 0 && host.indexOf(':') == colon) {
        port = parsePort(host.substring(colon + 1), defaultPort);
        host = host.substring(0, colon);
      }
      String portText = blankToNull(p.getProperty(portKey));
      if (portText != null) {
        port = parsePort(portText, port);
      }
      String user = userKey == null ? null : blankToNull(p.getProperty(userKey));
      Secret password = passwordKey == null ? null : Secret.ofNullable(p.getProperty(passwordKey));
      return new ProxyServer(host, port, user, password, hostKey);
    }

    private static int parsePort(String text, int fallback) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        return fallback;
      }
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }
  }

  /**
   * A proxy the JVM or Jakarta Mail is told to use.
   *
   * @param host proxy host
   * @param port proxy port
   * @param user user name for proxy authentication, or null
   * @param password password for proxy authentication, or null
   * @param source the system property that configured it, e.g. {@code https.proxyHost}
   */
  public record ProxyServer(String host, int port, String user, Secret password, String source) {
    @Override
    public String toString() {
      return host + ":" + port + " (" + source + ")";
    }
  }

  /**
   * Time limits: every network step has a connect and a read timeout, every check a limit of its own,
   * and the whole diagnosis a deadline.
   *
   * @param connect limit for opening one connection
   * @param read limit for one read (one server answer)
   * @param check limit for one check, however many steps it takes
   * @param deadline limit for the whole diagnosis
   */
  public record Timeouts(Duration connect, Duration read, Duration check, Duration deadline) {
    /**
     * Ten seconds per network step, derived as {@link #ofStep} says.
     */
    public static final Timeouts DEFAULT = ofStep(Duration.ofSeconds(10));

    /**
     * Time limits; none may be null.
     *
     * @param connect see the record
     * @param read see the record
     * @param check see the record
     * @param deadline see the record
     */
    public Timeouts {
      Objects.requireNonNull(connect, "connect");
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * Timeouts derived from one step timeout: a check may take a quarter more than one step, so a server
     * that trickles bytes slowly still gets a finding soon after the step timeout.
     *
     * @param step the connect and read timeout
     * @return the timeouts: a check may take 1.25 steps, the diagnosis the larger of 60 s and 8 steps
     */
    public static Timeouts ofStep(Duration step) {
      Duration check = step.plus(step.dividedBy(4));
      return new Timeouts(step, step, check, maxOf(Duration.ofSeconds(60), step.multipliedBy(8)));
    }

    /**
     * These timeouts with another deadline for the whole diagnosis.
     *
     * @param newDeadline the deadline
     * @return the changed timeouts
     */
    public Timeouts withDeadline(Duration newDeadline) {
      return new Timeouts(connect, read, check, newDeadline);
    }

    private static Duration maxOf(Duration a, Duration b) {
      return a.compareTo(b) >= 0 ? a : b;
    }
  }

  /**
   * When a folder counts as flooded.
   *
   * @param floodThreshold message count above which the folder is reported as flooded
   * @param growthSampleWindow how long to watch the count grow; zero to skip sampling
   * @param growthPerMinuteThreshold growth rate (messages per minute) reported as flooding
   */
  public record MailboxLimits(int floodThreshold, Duration growthSampleWindow, int growthPerMinuteThreshold) {
    /**
     * Flooded above 10,000 messages; growth is not sampled.
     */
    public static final MailboxLimits DEFAULT = new MailboxLimits(10_000, Duration.ZERO, 100);
  }

  /**
   * The product that runs the mail handler, when known, e.g. Jira 9.12.1 Data Center.
   *
   * @param name e.g. {@code jira} or {@code jira-service-management}
   * @param version e.g. {@code 9.12.1}
   * @param edition e.g. {@code data-center} or {@code server}, or null
   */
  public record HostProduct(String name, String version, String edition) {}

  /**
   * The host product's cluster, when it runs on several nodes behind a load balancer.
   *
   * @param baseUrl the URL users reach through the load balancer, or null
   * @param nodeUrls the URLs of the individual nodes, possibly empty
   */
  public record Cluster(String baseUrl, List<String> nodeUrls) {
    /**
     * A cluster; node URLs are copied.
     *
     * @param baseUrl see the record
     * @param nodeUrls see the record; null means none
     */
    public Cluster {
      nodeUrls = nodeUrls == null ? List.of() : List.copyOf(nodeUrls);
    }
  }
}
