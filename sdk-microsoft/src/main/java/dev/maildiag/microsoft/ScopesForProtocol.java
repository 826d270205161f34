package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured scopes are the ones Exchange Online needs for the protocol in the account's cloud:
 * the protocol's permission on the cloud's mail resource (not Graph's {@code Mail.Read}), plus
 * {@code offline_access} for delegated access; {@code <resource>/.default} for app-only access.
 */
public final class ScopesForProtocol implements Check {
  public static final String ID = "microsoft.scopes";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Scopes fit the protocol and the cloud").finds(RootCause.SCOPES);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return !context.oauth().scopes().isEmpty() && context.server().protocol() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    Protocol protocol = c.server().protocol();
    MicrosoftCloud cloud = MicrosoftCatalog.cloudOf(c).orElse(MicrosoftClouds.WORLDWIDE);
    List<String> scopes = c.oauth().scopes();
    boolean appOnly = MicrosoftCatalog.isAppOnly(c);
    List<String> problems = new ArrayList<>();
    List<String> graph = scopes.stream().filter(ScopesForProtocol::isGraph).toList();
    if (!graph.isEmpty()) {
      problems.add("Microsoft Graph scopes (" + String.join(", ", graph) + ") do not allow " + protocol.label().toUpperCase(Locale.ROOT));
    }
    Optional<String> foreign = scopes.stream()
        .filter(s -> s.contains("://") && !isGraph(s))
        .filter(s -> MicrosoftClouds.byResource(s).map(other -> !MicrosoftClouds.sameFamily(other, cloud)).orElse(false))
        .findFirst();
    foreign.ifPresent(s -> problems.add("'" + s + "' names another cloud's resource; " + cloud.name() + " uses " + cloud.scopeResource()));
    if (appOnly) {
      if (scopes.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).endsWith("/.default") && cloud.isResourceOf(s))) {
        problems.add("app-only access (client credentials) needs the scope " + cloud.appOnlyScope());
      }
    } else {
      String permission = MicrosoftCloud.DELEGATED.get(protocol);
      boolean hasPermission = scopes.stream().anyMatch(s -> s.equalsIgnoreCase(cloud.delegatedScope(protocol))
          || (s.toLowerCase(Locale.ROOT).endsWith("/" + permission.toLowerCase(Locale.ROOT)) && cloud.isResourceOf(s)));
      if (!hasPermission && foreign.isEmpty()) {
        problems.add("no scope grants " + permission + " on " + cloud.scopeResource() + " (expected " + cloud.delegatedScope(protocol) + ")");
      }
    }
    boolean offlineMissing = !appOnly && scopes.stream().noneMatch(s -> s.equalsIgnoreCase(MicrosoftCloud.OFFLINE_ACCESS));
    Finding.Builder f;
    if (!problems.isEmpty()) {
      f = Finding.error("The scopes are wrong for " + protocol.label().toUpperCase(Locale.ROOT) + " in " + cloud.name() + ": " + problems.get(0))
          .rootCause(RootCause.SCOPES, 0.95)
          .detail(String.join("; ", problems) + (offlineMissing ? "; offline_access is missing too" : ""));
    } else if (offlineMissing) {
      f = Finding.warning("offline_access is not among the scopes, so no refresh token is issued and the handler stops after an hour")
          .rootCause(RootCause.SCOPES, 0.7);
    } else {
      return Finding.ok("The scopes fit " + protocol.label().toUpperCase(Locale.ROOT) + " in " + cloud.name())
          .evidence("scopes", String.join(" ", scopes)).build();
    }
    return f.remediation(MicrosoftFixes.of(RootCause.SCOPES, c))
        .evidence("scopes", String.join(" ", scopes))
        .evidence("cloud", cloud.id())
        .evidence("access", appOnly ? "app-only (client credentials)" : "delegated")
        .build();
  }

  static boolean isGraph(String scope) {
    String s = scope.toLowerCase(Locale.ROOT);
    if (s.contains("graph.microsoft") || s.contains("microsoftgraph.chinacloudapi.cn")) {
      return true;
    }
    // bare Graph permission names such as Mail.Read or Mail.ReadWrite
    return !s.contains("://") && (s.startsWith("mail.") || s.equals("user.read") || s.startsWith("mailboxsettings."));
  }
}
