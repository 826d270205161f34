package dev.maildiag.api.internal.explain;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.internal.net.HttpClients;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks a clustered product, through its load balancer, a short series of requests carrying the session
 * cookie it hands out, and checks that the same node answers each time, as the OAuth flow needs.
 * Every request is bounded by the context's timeouts; nothing is sent but GETs.
 */
public final class ClusterProbe {
  /** Requests sent to the base URL: enough for a round-robin balancer to show itself. */
  public static final int DEFAULT_REQUESTS = 6;
  static final String UNKNOWN = "unknown";

  private final DiagnosticContext context;
  private final int requests;

  public ClusterProbe(DiagnosticContext context, int requests) {
    if (requests < 2) {
      throw new IllegalArgumentException("stickiness needs at least 2 requests, not " + requests);
    }
    this.context = context;
    this.requests = requests;
  }

  /** Probes the node URLs (each once) and then the base URL {@code requests} times with one session. */
  public ClusterProbeReport probe(String baseUrl, List<String> nodeUrls) throws IOException {
    OkHttpClient plain = HttpClients.forContext(context).newBuilder().followRedirects(false).build();
    Map<String, String> nodeOfUrl = new LinkedHashMap<>();
    for (String url : nodeUrls) {
      nodeOfUrl.put(safe(url), nodeOf(plain, url).orUnknown());
    }
    if (baseUrl == null) {
      return new ClusterProbeReport(null, nodeOfUrl, List.of(), List.of(), List.of(),
          "Only node URLs given: each node answered as shown; give the load-balanced URL to test stickiness.");
    }
    OkHttpClient session = plain.newBuilder().cookieJar(new SessionCookies()).build();
    List<String> answeredBy = new ArrayList<>();
    List<NodeSwitch> switches = new ArrayList<>();
    Answer previous = null;
    for (int i = 1; i <= requests; i++) {
      Answer a = nodeOf(session, baseUrl);
      answeredBy.add(a.orUnknown());
      if (previous != null && a.node != null && previous.node != null && a.source.equals(previous.source)
          && !a.node.equals(previous.node)) {
        switches.add(new NodeSwitch(i, "GET", safe(baseUrl), a.status, previous.node, a.node, false));
      }
      previous = a.node != null ? a : previous;
    }
    return new ClusterProbeReport(safe(baseUrl), nodeOfUrl, answeredBy, switches, candidates(switches, answeredBy),
        note(switches, answeredBy));
  }

  private static List<Candidate> candidates(List<NodeSwitch> switches, List<String> answeredBy) {
    if (switches.isEmpty()) {
      return List.of();
    }
    return List.of(new Candidate(RootCause.SESSION_STICKINESS, 0.9, "with one session cookie, " + answeredBy.size()
        + " requests were answered by " + String.join(", ", answeredBy) + ": the load balancer is not sticky"));
  }

  private static String note(List<NodeSwitch> switches, List<String> answeredBy) {
    if (!switches.isEmpty()) {
      return "The load balancer changed node " + switches.size() + " time(s) within one session.";
    }
    if (answeredBy.stream().allMatch(UNKNOWN::equals)) {
      return "No response named its node (no node-id header or routing cookie), so stickiness cannot be told from outside.";
    }
    return "The same node answered every request of the session: the load balancer is sticky.";
  }

  private Answer nodeOf(OkHttpClient client, String url) throws IOException {
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = client.newCall(request).execute()) {
      Map<String, String> headers = new HashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), String.join("\n", response.headers(name)));
      }
      String node = NodeIdentity.fromHeaders(headers);
      if (node != null) {
        return new Answer(node, "header", response.code());
      }
      for (Cookie c : Cookie.parseAll(response.request().url(), response.headers())) {
        String fromCookie = NodeIdentity.fromCookie(c.name(), c.value());
        if (fromCookie != null) {
          return new Answer(fromCookie, "cookie", response.code());
        }
      }
      return new Answer(null, "none", response.code());
    }
  }

  /** The URL without query or fragment: nothing a user pasted there is repeated. */
  static String safe(String url) {
    HttpUrl u = HttpUrl.parse(url);
    if (u == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + url.replaceAll("[?#].*", ""));
    }
    return u.newBuilder().query(null).fragment(null).username("").password("").build().toString();
  }

  private record Answer(String node, String source, int status) {
    String orUnknown() {
      return node == null ? UNKNOWN : node;
    }
  }

  /** Keeps the cookies of one session, as a browser would; OkHttp has no jar of its own. */
  private static final class SessionCookies implements CookieJar {
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    @Override
    public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
      received.forEach(c -> cookies.put(c.name() + "@" + c.domain() + c.path(), c));
    }

    @Override
    public synchronized List<Cookie> loadForRequest(HttpUrl url) {
      return cookies.values().stream().filter(c -> c.matches(url)).toList();
    }
  }
}
