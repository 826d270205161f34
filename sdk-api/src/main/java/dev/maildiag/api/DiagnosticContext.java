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
  public <T> Optional<T> attribute(Key<T> key) {
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
    private final Map<Key<?>, Object> attributes = new LinkedHashMap<>();

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

    public <T> Builder attribute(Key<T> key, T value) {
      attributes.put(key, key.type().cast(Objects.requireNonNull(value)));
      return this;
    }

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

    /** The configured port, or the usual one for the protocol and security. */
    public int effectivePort() {
      if (port > 0) {
        return port;
      }
      if (protocol == null) {
        return 0;
      }
      return protocol.defaultPort(security == null ? Security.SSL : security);
    }

    /** The address of the mailbox being read: the mailbox if set, else the login. */
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

    public OAuthClient {
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** True when anything about OAuth was configured. */
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

    public NetworkSettings {
      mailProxies = Map.copyOf(mailProxies);
      mailSocksProxies = Map.copyOf(mailSocksProxies);
    }

    /** No proxy at all: what a test or an embedding caller that manages its own network wants. */
    public static NetworkSettings direct() {
      return new NetworkSettings(null, null, null, null, null, Map.of(), Map.of());
    }

    /** Reads the current JVM system properties. */
    public static NetworkSettings fromSystemProperties() {
      return from(System.getProperties());
    }

    /** Reads proxy settings from the given properties, named as the JVM and Jakarta Mail name them. */
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

    /** True when no proxy of any kind is configured. */
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
    public static final Timeouts DEFAULT = ofStep(Duration.ofSeconds(10));

    public Timeouts {
      Objects.requireNonNull(connect, "connect");
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * Timeouts derived from one step timeout: a check may take a quarter more than one step, so a server
     * that trickles bytes slowly still gets a finding soon after the step timeout.
     */
    public static Timeouts ofStep(Duration step) {
      Duration check = step.plus(step.dividedBy(4));
      return new Timeouts(step, step, check, maxOf(Duration.ofSeconds(60), step.multipliedBy(8)));
    }

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
    public Cluster {
      nodeUrls = nodeUrls == null ? List.of() : List.copyOf(nodeUrls);
    }
  }
}
