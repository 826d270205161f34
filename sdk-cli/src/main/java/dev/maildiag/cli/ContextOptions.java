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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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

  /** Adds the settings' flags to a command, in the order its help lists them. */
  static void addTo(CommandSpec spec) {
    spec.addOption(Flags.file("--config", "FILE", "Properties file with any of the settings below (key = flag name without dashes)."));
    spec.addOption(Flags.text("--protocol", "imap|pop3|smtp", "Mail protocol."));
    spec.addOption(Flags.text("--host", "<host>", "Mail host, e.g. outlook.office365.com."));
    spec.addOption(Flags.text("--port", "<port>", "Mail port (default: the protocol's usual port for --security)."));
    spec.addOption(Flags.text("--security", "ssl|starttls|none", "Connection security (default ssl)."));
    spec.addOption(Flags.text("--login", "<login>", "Login user (the XOAUTH2 user=)."));
    spec.addOption(Flags.text("--mailbox", "<mailbox>", "Mailbox address, when it differs from the login (shared or delegated)."));
    spec.addOption(Flags.text("--folder", "<folder>", "Folder the handler reads (default INBOX)."));
    spec.addOption(Flags.text("--provider", "microsoft|google", "Mail provider (default: inferred from the hosts)."));
    spec.addOption(Flags.text("--cloud", "CLOUD", "Microsoft cloud: worldwide, gcc, gcc-high, dod, china."));
    spec.addOption(Flags.text("--tenant", "<tenant>", "Tenant id or domain."));
    spec.addOption(Flags.text("--client-id", "<clientId>", "OAuth client (application) id."));
    spec.addOption(Flags.text("--scopes", "<scopes>", "Scopes, separated by spaces or commas."));
    spec.addOption(Flags.text("--authorization-endpoint", "URL", "OAuth authorization endpoint."));
    spec.addOption(Flags.text("--token-endpoint", "URL", "OAuth token endpoint."));
    spec.addOption(Flags.text("--redirect-uri", "URL", "Redirect URI the product registers."));
    spec.addOption(Flags.text("--client-secret", "SECRET", "Client secret (visible to other users in the process list: prefer --client-secret-env or --client-secret-file)."));
    spec.addOption(Flags.text("--client-secret-env", "VAR", "Environment variable holding the client secret (default MAILDIAG_CLIENT_SECRET)."));
    spec.addOption(Flags.file("--client-secret-file", "FILE", "File holding the client secret."));
    spec.addOption(Flags.text("--client-secret-expires", "DATE", "The client secret's expiry date (yyyy-mm-dd), if known."));
    spec.addOption(Flags.text("--access-token", "TOKEN", "Access token (prefer --access-token-env or --access-token-file)."));
    spec.addOption(Flags.text("--access-token-env", "VAR", "Environment variable holding the access token (default MAILDIAG_ACCESS_TOKEN)."));
    spec.addOption(Flags.file("--access-token-file", "FILE", "File holding the access token."));
    spec.addOption(Flags.text("--refresh-token", "TOKEN", "Refresh token (prefer --refresh-token-env or --refresh-token-file)."));
    spec.addOption(Flags.text("--refresh-token-env", "VAR", "Environment variable holding the refresh token (default MAILDIAG_REFRESH_TOKEN)."));
    spec.addOption(Flags.file("--refresh-token-file", "FILE", "File holding the refresh token."));
    spec.addOption(Flags.text("--password-env", "VAR", "Environment variable holding a password, to test whether basic authentication is refused."));
    spec.addOption(Flags.file("--password-file", "FILE", "File holding a password."));
    spec.addOption(Flags.text("--product", "NAME", "Host product: jira or jira-service-management."));
    spec.addOption(Flags.text("--product-version", "VERSION", "Host product version, e.g. 9.12.1."));
    spec.addOption(Flags.text("--product-edition", "EDITION", "Host product edition: data-center or server."));
    spec.addOption(Flags.text("--cluster-url", "URL", "Base URL of the product behind its load balancer."));
    spec.addOption(Flags.text("--node-urls", "URLS", "URLs of the product's cluster nodes, separated by commas."));
    spec.addOption(Flags.text("--timeout", "SECONDS", "Connect and read timeout of each network step (default 10)."));
    spec.addOption(Flags.text("--deadline", "SECONDS", "Limit for the whole diagnosis (default: at least 60, 8 x --timeout)."));
    spec.addOption(Flags.text("--flood-threshold", "COUNT", "Message count above which a folder counts as flooded (default 10000)."));
    OptionSpec.Builder property = OptionSpec.builder("-D").paramLabel("KEY=VALUE").type(Map.class)
        .auxiliaryTypes(String.class, String.class)
        .description("A JVM or Jakarta Mail property to diagnose with, e.g. -Dhttps.proxyHost=proxy.corp -Dmail.imaps.proxy.host=...");
    property.mapFallbackValue(""); // -Dkey alone, as java takes it
    spec.addOption(property.build());
  }

  private final CommandSpec spec;
  private final Map<String, String> env;

  ContextOptions(CommandSpec spec) {
    this(spec, System.getenv());
  }

  ContextOptions(CommandSpec spec, Map<String, String> env) {
    this.spec = spec;
    this.env = env;
  }

  /** The context these options describe. */
  DiagnosticContext toContext() {
    requireValues();
    Properties file = readConfig();
    Settings s = new Settings(spec, file);
    Map<String, String> properties = Flags.map(spec, "-D");
    DiagnosticContext.Builder b = DiagnosticContext.builder();
    String p = s.get("protocol");
    if (p != null) {
      b.protocol(parse("protocol", () -> Protocol.parse(p)));
    }
    b.host(s.get("host"));
    String sec = s.get("security");
    if (sec != null) {
      b.security(parse("security", () -> Security.parse(sec)));
    }
    b.port(integer("port", s.get("port"), 0, 65535));
    b.login(s.get("login")).mailbox(s.get("mailbox")).folder(s.get("folder"));
    b.provider(s.get("provider")).cloud(s.get("cloud")).tenant(s.get("tenant"))
        .clientId(s.get("client-id"))
        .authorizationEndpoint(s.get("authorization-endpoint"))
        .tokenEndpoint(s.get("token-endpoint"))
        .redirectUri(s.get("redirect-uri"));
    String sc = s.get("scopes");
    if (sc != null) {
      b.scopes(Arrays.stream(sc.split("[\\s,]+")).filter(x -> !x.isBlank()).toList());
    }
    SecretSource secrets = new SecretSource(env);
    b.clientSecret(secrets.read("client secret", s.get("client-secret"),
        s.get("client-secret-env"), path(s.get("client-secret-file")), "MAILDIAG_CLIENT_SECRET"));
    b.accessToken(secrets.read("access token", s.get("access-token"),
        s.get("access-token-env"), path(s.get("access-token-file")), "MAILDIAG_ACCESS_TOKEN"));
    b.refreshToken(secrets.read("refresh token", s.get("refresh-token"),
        s.get("refresh-token-env"), path(s.get("refresh-token-file")), "MAILDIAG_REFRESH_TOKEN"));
    b.password(secrets.read("password", null, s.get("password-env"), path(s.get("password-file")), null));
    String expires = s.get("client-secret-expires");
    if (expires != null) {
      b.clientSecretExpiresAt(parse("client-secret-expires", () -> date(expires)));
    }
    String productName = s.get("product");
    if (productName != null) {
      b.product(productName, s.get("product-version"), s.get("product-edition"));
    }
    String cluster = s.get("cluster-url");
    String nodes = s.get("node-urls");
    if (cluster != null || nodes != null) {
      b.cluster(new Cluster(cluster, nodes == null ? List.of() : Arrays.stream(nodes.split("[\\s,]+")).filter(x -> !x.isBlank()).toList()));
    }
    int step = integer("timeout", s.get("timeout"), 1, 3600);
    Timeouts t = step == 0 ? Timeouts.DEFAULT : Timeouts.ofStep(Duration.ofSeconds(step));
    int deadlineSeconds = integer("deadline", s.get("deadline"), 1, 86_400);
    if (deadlineSeconds > 0) {
      t = t.withDeadline(Duration.ofSeconds(deadlineSeconds));
    }
    b.timeouts(t);
    int flood = integer("flood-threshold", s.get("flood-threshold"), 1, Integer.MAX_VALUE);
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

  /**
   * Waits for a trust store named with -D that was still being read when the diagnosis started.
   *
   * @throws UsageProblem when it cannot be read, as when it was read before the diagnosis started
   */
  static void confirmTrustStore() {
    parse("-Djavax.net.ssl.trustStore", () -> {
      TrustStorePreload.confirm();
      return null;
    });
  }

  /** A flag given with an empty value ({@code --port ''}) is a mistake, not "use the default". */
  private void requireValues() {
    for (String flag : List.of("--port", "--timeout", "--deadline", "--flood-threshold", "--host", "--protocol", "--security",
        "--token-endpoint", "--authorization-endpoint")) {
      String value = Flags.text(spec, flag);
      if (value != null && value.isBlank()) {
        throw new UsageProblem(flag + " needs a value");
      }
    }
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
    Path config = Flags.value(spec, "--config");
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

  private static Path path(String p) {
    return p == null ? null : Path.of(p);
  }

  /** Flags first, then the properties file. */
  private static final class Settings {
    private final CommandSpec spec;
    private final Properties file;

    Settings(CommandSpec spec, Properties file) {
      this.spec = spec;
      this.file = file;
    }

    String get(String key) {
      String flag = Flags.text(spec, "--" + key);
      if (flag != null && !flag.isBlank()) {
        return flag;
      }
      String v = file.getProperty(key);
      return v == null || v.isBlank() ? null : v.trim();
    }
  }
}
