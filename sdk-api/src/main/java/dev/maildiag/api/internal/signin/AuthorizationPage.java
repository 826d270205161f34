package dev.maildiag.api.internal.signin;

import dev.maildiag.api.Finding;
import dev.maildiag.api.internal.net.HttpClients;
import dev.maildiag.api.internal.oauth.AccessTokenGrant;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Opens the authorization URL once, without cookies and before the administrator does, to read what the
 * identity platform says about the request itself. Microsoft and Google check the client id, the tenant and
 * the redirect URI before anyone signs in and show their refusal on their own page instead of returning to
 * the redirect URI (which they do not trust then): {@code AADSTS50011}, {@code AADSTS700016},
 * {@code AADSTS90002}, Google's {@code Error 400: redirect_uri_mismatch}. Reading that page names the cause
 * before the administrator even sees it. Follows at most a few redirects, and none to the redirect URI except to
 * read an error from its query.
 */
final class AuthorizationPage {
  private static final int MAX_HOPS = 5;
  private static final long MAX_PAGE = 256 * 1024;
  private static final Pattern AADSTS = Pattern.compile("AADSTS\\d{4,8}[^\"<\\\\]{0,400}");
  private static final Pattern GOOGLE_ERROR = Pattern.compile("Error \\d{3}: [a-z_]+");

  private AuthorizationPage() {}

  /** The refusal the sign-in page shows, or empty when it shows the sign-in as usual. */
  static Optional<Finding> read(SignInRun run, URI authorizationEndpoint, URI url, URI redirect) {
    OkHttpClient client = HttpClients.forContext(run.context).newBuilder().followRedirects(false).followSslRedirects(false).build();
    URI current = url;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      Request request = new Request.Builder().url(current.toString()).header("Accept", "text/html").get().build();
      try (Response response = client.newCall(request).execute()) {
        String location = response.header("Location");
        if (response.isRedirect() && location != null) {
          URI next = current.resolve(location.trim());
          if (sameEndpoint(next, redirect)) {
            return answeredOnRedirect(run, authorizationEndpoint, Query.of(next));
          }
          current = next;
          continue;
        }
        return error(response.code(), response.peekBody(MAX_PAGE).string())
            .map(text -> run.pageError("The sign-in page refuses the request before anyone signs in", text));
      } catch (IOException | IllegalArgumentException e) {
        return Optional.of(AccessTokenGrant.unreachable(run.checks, "sign-in page", authorizationEndpoint,
            e instanceof IOException io ? io : new IOException(e.getMessage())));
      }
    }
    return Optional.empty();
  }

  /** An error the platform sent back to the redirect URI straight away (e.g. an invalid scope). */
  private static Optional<Finding> answeredOnRedirect(SignInRun run, URI endpoint, Map<String, String> params) {
    if (!params.containsKey("error")) {
      return Optional.empty();
    }
    return Optional.of(run.refused("The identity platform refused the sign-in request", "authorization endpoint", endpoint,
        AuthorizationCodeFlow.errorOf(params)).build());
  }

  /** What the page says when it is a refusal: an AADSTS message, Google's "Error 400: ...", or any 4xx/5xx page. */
  static Optional<String> error(int status, String body) {
    String text = body == null ? "" : body.replace("\\u0027", "'").replace("\\u0026", "&");
    Matcher aadsts = AADSTS.matcher(text);
    if (aadsts.find()) {
      return Optional.of(aadsts.group().strip());
    }
    String visible = Texts.visible(text);
    Matcher google = GOOGLE_ERROR.matcher(visible);
    if (google.find()) {
      return Optional.of(Texts.cap(visible.substring(Math.max(0, google.start() - 200)), 600));
    }
    if (status >= 400) {
      return Optional.of("HTTP " + status + ": " + Texts.cap(visible, 400));
    }
    return Optional.empty();
  }

  static boolean sameEndpoint(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b)
        && normalPath(a).equals(normalPath(b));
  }

  private static int port(URI u) {
    return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static String normalPath(URI u) {
    return u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
  }
}
