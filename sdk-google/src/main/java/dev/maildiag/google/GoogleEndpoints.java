package dev.maildiag.google;

import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authorization and token endpoints are Google's. A Gmail mailbox only accepts tokens Google issued, so
 * endpoints of another identity provider (often left over from a Microsoft setup) can never work.
 * Loopback endpoints are accepted: they are a local simulation or a test.
 */
public final class GoogleEndpoints implements Check {
  public static final String ID = "google.endpoints";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "OAuth endpoints are Google's").finds(RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return context.oauth().tokenEndpoint() != null || context.oauth().authorizationEndpoint() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    OAuthClient o = ctx.context().oauth();
    Map<String, String> foreign = new LinkedHashMap<>();
    boolean loopback = false;
    for (Map.Entry<String, String> e : Map.of("token endpoint", nullToEmpty(o.tokenEndpoint()),
        "authorization endpoint", nullToEmpty(o.authorizationEndpoint())).entrySet()) {
      if (e.getValue().isEmpty() || GoogleCatalog.isIdentityUrl(e.getValue())) {
        continue;
      }
      if (isLoopback(GoogleCatalog.hostOf(e.getValue()))) {
        loopback = true;
      } else {
        foreign.put(e.getKey(), e.getValue());
      }
    }
    if (foreign.isEmpty()) {
      return Finding.ok(loopback ? "OAuth endpoints are on loopback (a local simulation)" : "OAuth endpoints are Google's").build();
    }
    Finding.Builder f = Finding.error("The " + String.join(" and ", foreign.keySet()) + " " + (foreign.size() == 1 ? "is" : "are")
            + " not Google's, so Gmail will not accept the tokens")
        .rootCause(RootCause.INVALID_CONFIGURATION, 0.9)
        .detail("Gmail accepts only access tokens issued by Google (" + GoogleCatalog.ISSUER + ").")
        .remediation(GoogleRemediations.of(RootCause.INVALID_CONFIGURATION));
    foreign.forEach(f::evidence);
    return f.build();
  }

  static boolean isLoopback(String host) {
    return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
