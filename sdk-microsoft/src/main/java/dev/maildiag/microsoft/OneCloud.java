package dev.maildiag.microsoft;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared cloud, the mail host, the sign-in host and the scope resource all belong to one cloud (a worldwide
 * mail host with a scope on {@code outlook.office365.us} is a cloud mismatch, not merely a wrong scope).
 * Settings that name no known Microsoft host (e.g. a test server) say nothing and are left out.
 */
public final class OneCloud implements Check {
  public static final String ID = "microsoft.cloud";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "Mail host, sign-in host and scopes belong to one cloud").finds(RootCause.CLOUD_MISMATCH);
  }

  @Override
  public Finding run(CheckContext ctx) {
    DiagnosticContext c = ctx.context();
    Map<String, MicrosoftCloud> seen = new LinkedHashMap<>();
    MicrosoftClouds.byId(c.oauth().cloud()).ifPresent(cl -> seen.put("declared cloud", cl));
    MicrosoftClouds.byMailHost(c.server().host()).ifPresent(cl -> seen.put("mail host " + c.server().host(), cl));
    authority(c.oauth().tokenEndpoint()).ifPresent(cl -> seen.put("token endpoint " + MicrosoftClouds.hostOf(c.oauth().tokenEndpoint()), cl));
    authority(c.oauth().authorizationEndpoint()).ifPresent(cl -> seen.put("authorization endpoint " + MicrosoftClouds.hostOf(c.oauth().authorizationEndpoint()), cl));
    // the token's audience: a scope on another cloud's mail resource gets a token this cloud's servers reject
    // (a scope alone, with no Microsoft host named, says nothing: e.g. a test server)
    for (String scope : seen.isEmpty() ? List.<String>of() : c.oauth().scopes()) {
      MicrosoftClouds.byResource(scope).ifPresent(cl -> seen.putIfAbsent("scope resource " + resourceOf(scope), cl));
    }
    Map<String, String> evidence = new LinkedHashMap<>();
    seen.forEach((what, cl) -> evidence.put(what, cl.id()));
    MicrosoftCloud first = seen.values().stream().findFirst().orElse(null);
    if (first == null) {
      return Finding.skipped("No setting names a known Microsoft cloud or host").build();
    }
    Map.Entry<String, MicrosoftCloud> odd = seen.entrySet().stream()
        .filter(e -> !hostsAgree(first, e.getValue())).findFirst().orElse(null);
    if (odd == null) {
      Finding.Builder ok = Finding.ok("All settings point to " + first.name());
      evidence.forEach(ok::evidence);
      return ok.build();
    }
    String firstWhat = seen.keySet().iterator().next();
    Finding.Builder f = Finding.error("The " + odd.getKey() + " belongs to " + odd.getValue().name() + " but the " + firstWhat
            + " to " + first.name())
        .rootCause(RootCause.CLOUD_MISMATCH, 0.95)
        .detail("Host, sign-in authority and scope resource must all be of the account's cloud; a mix fails at sign-in or at the mail server.")
        .remediation(MicrosoftFixes.of(RootCause.CLOUD_MISMATCH, c));
    evidence.forEach(f::evidence);
    return f.build();
  }

  /** {@code https://outlook.office365.us/} of {@code https://outlook.office365.us/IMAP.AccessAsUser.All}. */
  private static String resourceOf(String scope) {
    int slash = scope.indexOf('/', scope.indexOf("://") + 3);
    return slash < 0 ? scope : scope.substring(0, slash + 1);
  }

  private static Optional<MicrosoftCloud> authority(String url) {
    return MicrosoftClouds.byAuthority(MicrosoftClouds.hostOf(url));
  }

  /** GCC uses the worldwide hosts; GCC High and DoD share a sign-in host but not mail hosts. */
  private static boolean hostsAgree(MicrosoftCloud a, MicrosoftCloud b) {
    if (a.id().equals(b.id())) {
      return true;
    }
    return a.authorityHost().equals(b.authorityHost()) && a.scopeResource().equals(b.scopeResource())
        && (a.mail().equals(b.mail()) || !a.mail().equals(b.mail()) && isGov(a) && isGov(b));
  }

  private static boolean isGov(MicrosoftCloud c) {
    return c.id().equals("gcc-high") || c.id().equals("dod");
  }
}
