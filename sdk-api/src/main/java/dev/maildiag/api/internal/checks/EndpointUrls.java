package dev.maildiag.api.internal.checks;

import dev.maildiag.api.DiagnosticContext.OAuthClient;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Stage;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The authorization, token and redirect URLs are well-formed HTTPS URLs. */
public final class EndpointUrls implements Check {
  public static final String ID = "config.urls";

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.CONFIG, "OAuth URLs are well formed").finds(RootCause.INVALID_CONFIGURATION);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    OAuthClient o = context.oauth();
    return o.authorizationEndpoint() != null || o.tokenEndpoint() != null || o.redirectUri() != null;
  }

  @Override
  public Finding run(CheckContext ctx) {
    OAuthClient o = ctx.context().oauth();
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("authorization endpoint", o.authorizationEndpoint());
    urls.put("token endpoint", o.tokenEndpoint());
    urls.put("redirect URI", o.redirectUri());
    Finding.Builder problem = null;
    for (Map.Entry<String, String> e : urls.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      String why = problem(e.getValue(), e.getKey().equals("redirect URI"));
      if (why != null) {
        if (problem == null) {
          problem = Finding.error("The " + e.getKey() + " is not a usable URL: " + why)
              .rootCause(RootCause.INVALID_CONFIGURATION, 1.0)
              .step("Correct the " + e.getKey() + "; copy it from the provider's documentation or app registration.");
        }
        problem.evidence(e.getKey(), e.getValue());
      }
    }
    return problem != null ? problem.build() : Finding.ok("OAuth URLs are well-formed HTTPS URLs").build();
  }

  /** Why a URL cannot be used, or null; plain HTTP only for a loopback redirect URI (RFC 8252's native-app redirect). */
  static String problem(String url) {
    return problem(url, true);
  }

  /**
   * Why a URL cannot be used, or null. An endpoint gets the client secret, refresh token and access token: plain
   * HTTP sends them readable, on loopback too (a local forwarder is still no TLS to the identity provider).
   */
  static String problem(String url, boolean loopbackHttpAllowed) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "it cannot be parsed (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null) {
      return "it has no host";
    }
    boolean loopback = uri.getHost().equals("localhost") || uri.getHost().startsWith("127.") || uri.getHost().equals("[::1]");
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback && loopbackHttpAllowed)) {
      return scheme.equals("http") ? "it uses plain http, so secrets and tokens travel unencrypted; it must use https" : "it must use https";
    }
    return null;
  }
}
