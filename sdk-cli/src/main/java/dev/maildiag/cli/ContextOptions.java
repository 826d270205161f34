package dev.maildiag.cli;

import dev.maildiag.api.DiagnosticContext.Cluster;
import dev.maildiag.api.DiagnosticContext.MailboxLimits;
import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext.Timeouts;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.HandlerProperties;
import dev.maildiag.api.internal.net.TlsTrust;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/**
 * The settings of a diagnosis, from flags or a properties file. Every flag {@code --name} may also be
 * given in the file as {@code name=value}; flags win.
 */
final class ContextOptions {
  /** Property keys accepted in --config files: the long flag names without dashes. */
  static final Set<String> KEYS = new TreeSet<>(List.of(
      "protocol", "host", "port", "security", "login", "mailbox", "folder",
      "provider", "cloud", "tenant", "client-id", "scopes", "authorization-endpoint", "token-endpoint", "redirect-uri",
      "client-secret", "client-secret-env", "client-secret-file", "client-secret-expires",
      "access-token", "access-token-env", "access-token-file",
      "refresh-token", "refresh-token-env", "refresh-token-file",
      "password-env", "password-file",
      "product", "product-version", "product-edition", "cluster-url", "node-urls",
      "timeout", "deadline", "flood-threshold"));

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with any of the settings below (key = flag name without dashes).")
  Path config;

  @Option(names = "--protocol", paramLabel = "imap|pop3|smtp", description = "Mail protocol.") String protocol;
  @Option(names = "--host", description = "Mail host, e.g. outlook.office365.com.") String host;
  @Option(names = "--port", description = "Mail port (default: the protocol's usual port for --security).") String port;
  @Option(names = "--security", paramLabel = "ssl|starttls|none", description = "Connection security (default ssl).") String security;
  @Option(names = "--login", description = "Login user (the XOAUTH2 user=).") String login;
  @Option(names = "--mailbox", description = "Mailbox address, when it differs from the login (shared or delegated).") String mailbox;
  @Option(names = "--folder", description = "Folder the handler reads (default INBOX).") String folder;
  @Option(names = "--provider", paramLabel = "microsoft|google", description = "Mail provider (default: inferred from the hosts).") String provider;
  @Option(names = "--cloud", paramLabel = "CLOUD", description = "Microsoft cloud: worldwide, gcc, gcc-high, dod, china.") String cloud;
  @Option(names = "--tenant", description = "Tenant id or domain.") String tenant;
  @Option(names = "--client-id", description = "OAuth client (application) id.") String clientId;
  @Option(names = "--scopes", description = "Scopes, separated by spaces or commas.") String scopes;
  @Option(names = "--authorization-endpoint", paramLabel = "URL", description = "OAuth authorization endpoint.") String authorizationEndpoint;
  @Option(names = "--token-endpoint", paramLabel = "URL", description = "OAuth token endpoint.") String tokenEndpoint;
  @Option(names = "--redirect-uri", paramLabel = "URL", description = "Redirect URI the product registers.") String redirectUri;
  @Option(names = "--client-secret", paramLabel = "SECRET", description = "Client secret (visible to other users in the process list: prefer --client-secret-env or --client-secret-file).") String clientSecret;
  @Option(names = "--client-secret-env", paramLabel = "VAR", description = "Environment variable holding the client secret (default MAILDIAG_CLIENT_SECRET).") String clientSecretEnv;
  @Option(names = "--client-secret-file", paramLabel = "FILE", description = "File holding the client secret.") Path clientSecretFile;
  @Option(names = "--client-secret-expires", paramLabel = "DATE", description = "The client secret's expiry date (yyyy-mm-dd), if known.") String clientSecretExpires;
  @Option(names = "--access-token", paramLabel = "TOKEN", description = "Access token (prefer --access-token-env or --access-token-file).") String accessToken;
  @Option(names = "--access-token-env", paramLabel = "VAR", description = "Environment variable holding the access token (default MAILDIAG_ACCESS_TOKEN).") String accessTokenEnv;
  @Option(names = "--access-token-file", paramLabel = "FILE", description = "File holding the access token.") Path accessTokenFile;
  @Option(names = "--refresh-token", paramLabel = "TOKEN", description = "Refresh token (prefer --refresh-token-env or --refresh-token-file).") String refreshToken;
  @Option(names = "--refresh-token-env", paramLabel = "VAR", description = "Environment variable holding the refresh token (default MAILDIAG_REFRESH_TOKEN).") String refreshTokenEnv;
  @Option(names = "--refresh-token-file", paramLabel = "FILE", description = "File holding the refresh token.") Path refreshTokenFile;
  @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding a password, to test whether basic authentication is refused.") String passwordEnv;
  @Option(names = "--password-file", paramLabel = "FILE", description = "File holding a password.") Path passwordFile;
  @Option(names = "--product", paramLabel = "NAME", description = "Host product: jira or jira-service-management.") String product;
  @Option(names = "--product-version", paramLabel = "VERSION", description = "Host product version, e.g. 9.12.1.") String productVersion;
  @Option(names = "--product-edition", paramLabel = "EDITION", description = "Host product edition: data-center or server.") String productEdition;
  @Option(names = "--cluster-url", paramLabel = "URL", description = "Base URL of the product behind its load balancer.") String clusterUrl;
  @Option(names = "--node-urls", paramLabel = "URLS", description = "URLs of the product's cluster nodes, separated by commas.") String nodeUrls;
  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Connect and read timeout of each network step (default 10).") String timeout;
  @Option(names = "--deadline", paramLabel = "SECONDS", description = "Limit for the whole diagnosis (default: at least 60, 8 x --timeout).") String deadline;
  @Option(names = "--flood-threshold", paramLabel = "COUNT", description = "Message count above which a folder counts as flooded (default 10000).") String floodThreshold;
  @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "A JVM or Jakarta Mail property to diagnose with, e.g. -Dhttps.proxyHost=proxy.corp -Dmail.imaps.proxy.host=...")
  Map<String, String> properties = new LinkedHashMap<>();

  private final Map<String, String> env;

  ContextOptions() {
    this(System.getenv());
  }

  ContextOptions(Map<String, String> env) {
    this.env = env;
  }

  /** The context these options describe. */
  DiagnosticContext toContext() {
    requireValues();
    Properties file = readConfig();
    Settings s = new Settings(file);
    DiagnosticContext.Builder b = DiagnosticContext.builder();
    String p = s.get("protocol", protocol);
    if (p != null) {
      b.protocol(parse("protocol", () -> Protocol.parse(p)));
    }
    b.host(s.get("host", host));
    String sec = s.get("security", security);
    if (sec != null) {
      b.security(parse("security", () -> Security.parse(sec)));
    }
    b.port(integer("port", s.get("port", port), 0, 65535));
    b.login(s.get("login", login)).mailbox(s.get("mailbox", mailbox)).folder(s.get("folder", folder));
    b.provider(s.get("provider", provider)).cloud(s.get("cloud", cloud)).tenant(s.get("tenant", tenant))
        .clientId(s.get("client-id", clientId))
        .authorizationEndpoint(s.get("authorization-endpoint", authorizationEndpoint))
        .tokenEndpoint(s.get("token-endpoint", tokenEndpoint))
        .redirectUri(s.get("redirect-uri", redirectUri));
    String sc = s.get("scopes", scopes);
    if (sc != null) {
      b.scopes(Arrays.stream(sc.split("[\\s,]+")).filter(x -> !x.isBlank()).toList());
    }
    SecretSource secrets = new SecretSource(env);
    b.clientSecret(secrets.read("client secret", s.get("client-secret", clientSecret),
        s.get("client-secret-env", clientSecretEnv), path(s.get("client-secret-file", str(clientSecretFile))), "MAILDIAG_CLIENT_SECRET"));
    b.accessToken(secrets.read("access token", s.get("access-token", accessToken),
        s.get("access-token-env", accessTokenEnv), path(s.get("access-token-file", str(accessTokenFile))), "MAILDIAG_ACCESS_TOKEN"));
    b.refreshToken(secrets.read("refresh token", s.get("refresh-token", refreshToken),
        s.get("refresh-token-env", refreshTokenEnv), path(s.get("refresh-token-file", str(refreshTokenFile))), "MAILDIAG_REFRESH_TOKEN"));
    b.password(secrets.read("password", null, s.get("password-env", passwordEnv), path(s.get("password-file", str(passwordFile))), null));
    String expires = s.get("client-secret-expires", clientSecretExpires);
    if (expires != null) {
      b.clientSecretExpiresAt(parse("client-secret-expires", () -> date(expires)));
    }
    String productName = s.get("product", product);
    if (productName != null) {
      b.product(productName, s.get("product-version", productVersion), s.get("product-edition", productEdition));
    }
    String cluster = s.get("cluster-url", clusterUrl);
    String nodes = s.get("node-urls", nodeUrls);
    if (cluster != null || nodes != null) {
      b.cluster(new Cluster(cluster, nodes == null ? List.of() : Arrays.stream(nodes.split("[\\s,]+")).filter(x -> !x.isBlank()).toList()));
    }
    int step = integer("timeout", s.get("timeout", timeout), 1, 3600);
    Timeouts t = step == 0 ? Timeouts.DEFAULT : Timeouts.ofStep(Duration.ofSeconds(step));
    int deadlineSeconds = integer("deadline", s.get("deadline", deadline), 1, 86_400);
    if (deadlineSeconds > 0) {
      t = t.withDeadline(Duration.ofSeconds(deadlineSeconds));
    }
    b.timeouts(t);
    int flood = integer("flood-threshold", s.get("flood-threshold", floodThreshold), 1, Integer.MAX_VALUE);
    if (flood > 0) {
      MailboxLimits d = MailboxLimits.DEFAULT;
      b.mailboxLimits(new MailboxLimits(flood, d.growthSampleWindow(), d.growthPerMinuteThreshold()));
    }
    Properties jvm = new Properties();
    jvm.putAll(System.getProperties());
    jvm.putAll(JvmProperties.checked(properties));
    b.network(NetworkSettings.from(jvm));
    Properties mail = new Properties();
    properties.forEach((k, v) -> {
      if (k.startsWith("mail.")) {
        mail.setProperty(k, v);
      }
    });
    if (!mail.isEmpty()) {
      b.attribute(HandlerProperties.ATTRIBUTE, mail); // the handler's own Jakarta Mail settings, e.g. another protocol's endpoint
    }
    // a handler's own trust store given as -D is what its JVM trusts; the JVM's own default was fixed at start-up
    if (properties.containsKey("javax.net.ssl.trustStore")) {
      parse("-Djavax.net.ssl.trustStore", () -> TrustStorePreload.trust(jvm)).ifPresent(trust -> b.attribute(TlsTrust.ATTRIBUTE, trust));
    }
    DiagnosticContext context = b.build();
    refuseUnsendable(context);
    return context;
  }

  /** A flag given with an empty value ({@code --port ''}) is a mistake, not "use the default". */
  private void requireValues() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("--port", port);
    given.put("--timeout", timeout);
    given.put("--deadline", deadline);
    given.put("--flood-threshold", floodThreshold);
    given.put("--host", host);
    given.put("--protocol", protocol);
    given.put("--security", security);
    given.put("--token-endpoint", tokenEndpoint);
    given.put("--authorization-endpoint", authorizationEndpoint);
    given.forEach((flag, value) -> {
      if (value != null && value.isBlank()) {
        throw new UsageProblem(flag + " needs a value");
      }
    });
  }

  /**
   * Bad input is a usage error, found before anything is sent: a host that is no host name, an endpoint
   * that is no http(s) URL, a value that holds a control character (a line break in a login or a
   * two-line password file would reach the server as a second command).
   */
  private static void refuseUnsendable(DiagnosticContext c) {
    String host = dev.maildiag.api.internal.net.WireText.hostProblem(c.server().host());
    if (host != null) {
      throw new UsageProblem("--host is not a host name: " + host);
    }
    url("--token-endpoint", c.oauth().tokenEndpoint());
    url("--authorization-endpoint", c.oauth().authorizationEndpoint());
    c.cluster().ifPresent(cluster -> {
      url("--cluster-url", cluster.baseUrl());
      cluster.nodeUrls().forEach(u -> url("--node-urls", u));
    });
    Map<String, String> control = dev.maildiag.api.internal.net.WireText.controlCharacters(c);
    if (!control.isEmpty()) {
      String first = control.keySet().iterator().next();
      throw new UsageProblem("the " + first + " holds " + control.get(first) + " (a line break in a value or a file "
          + "with two lines?); maildiag sends nothing with it");
    }
  }

  private static void url(String flag, String value) {
    if (value == null) {
      return;
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new UsageProblem(flag + " is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new UsageProblem(flag + " must be an https:// URL" + (scheme.isEmpty() ? "" : ", not " + scheme + "://"));
    }
    if (uri.getHost() == null || dev.maildiag.api.internal.net.WireText.hostProblem(uri.getHost()) != null) {
      throw new UsageProblem(flag + " has no valid host name");
    }
  }

  /** Largest --config file read; a handler's settings take a few hundred bytes. */
  static final int MAX_CONFIG_BYTES = 1024 * 1024;
  /** What an unknown key must look like to be named in the message; anything else may be a pasted secret. */
  private static final java.util.regex.Pattern SETTING_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,40}");

  private Properties readConfig() {
    Properties p = new Properties();
    if (config == null) {
      return p;
    }
    String text = InputFiles.readSmall("--config", config, MAX_CONFIG_BYTES);
    try {
      p.load(new java.io.StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageProblem("cannot read --config " + config + ": it is not a properties file (" + e.getClass().getSimpleName() + ")");
    }
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      // a line holding only a value (a pasted secret) reads as a key without value: such lines are counted, never shown
      List<String> named = unknown.stream()
          .filter(k -> SETTING_NAME.matcher(k).matches() && !p.getProperty(k).isEmpty()).toList();
      long unnamed = unknown.size() - named.size();
      throw new UsageProblem("unknown setting(s) in " + config + ": "
          + String.join(", ", named) + (named.isEmpty() || unnamed == 0 ? "" : ", and ")
          + (unnamed == 0 ? "" : unnamed + " line(s) without 'name = value' (not shown: they may hold a secret)")
          + " (known: " + String.join(", ", KEYS) + ")");
    }
    return p;
  }

  private static Instant date(String text) {
    try {
      return LocalDate.parse(text.trim()).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return Instant.parse(text.trim());
    }
  }

  /** A whole number setting within bounds; 0 when not given. */
  static int integer(String name, String text, int min, int max) {
    if (text == null) {
      return 0;
    }
    try {
      int v = Integer.parseInt(text.trim());
      if (v < min || v > max) {
        throw new UsageProblem(name + " must be between " + min + " and " + max + ", not " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageProblem(name + " must be a whole number, not '" + text + "'");
    }
  }

  private static <T> T parse(String name, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw new UsageProblem("invalid " + name + ": " + e.getMessage());
    }
  }

  private static String str(Path p) {
    return p == null ? null : p.toString();
  }

  private static Path path(String p) {
    return p == null ? null : Path.of(p);
  }

  /** Flags first, then the properties file. */
  private static final class Settings {
    private final Properties file;

    Settings(Properties file) {
      this.file = file;
    }

    String get(String key, String flag) {
      if (flag != null && !flag.isBlank()) {
        return flag;
      }
      String v = file.getProperty(key);
      return v == null || v.isBlank() ? null : v.trim();
    }
  }
}
