package dev.maildiag.api.internal.explain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Candidate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a browser's HAR capture and finds whether the load balancer kept the user on one cluster node
 * through the OAuth authorization. Streams with Jackson's {@link JsonParser}: only a small record per
 * request is kept, bodies are skipped unread, so a HAR of hundreds of megabytes needs little heap.
 * Query strings, header values and cookie values are read only to recognise the flow and the node, and
 * never leave this class.
 */
public final class HarAnalyzer {
  private static final Pattern AUTHORIZE_PATH = Pattern.compile(
      "(?i)/oauth2/(?:v2\\.0/)?authorize|/o/oauth2/(?:v2/)?auth\\b|/signin/oauth|/oauth2/auth\\b|/authorize$");
  private static final JsonFactory JSON = JsonFactory.builder().build();
  /** How many product requests after the callback still belong to finishing the flow (saving the channel). */
  private static final int FLOW_TAIL = 30;
  /** Most characters of one header's or cookie's values kept for recognising a node. */
  private static final int MAX_VALUE = 16 * 1024;
  /** Longest node name or cookie name reported. */
  private static final int MAX_NODE = 100;
  /** Most distinct sticky cookie names reported. */
  private static final int MAX_NAMES = 50;
  /** Longest path kept of a request URL for the report. */
  private static final int MAX_PATH = 200;

  private HarAnalyzer() {}

  public static HarReport analyze(Path har) throws IOException {
    try (InputStream in = new java.io.FileInputStream(har.toFile())) { // works for pipes and FIFOs too
      return analyze(in);
    }
  }

  public static HarReport analyze(InputStream har) throws IOException {
    List<Exchange> exchanges = new ArrayList<>();
    Set<String> stickyCookies = new LinkedHashSet<>();
    try (JsonParser p = JSON.createParser(har)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a HAR file: it does not start with a JSON object");
      }
      if (!seekEntries(p)) {
        throw new IOException("not a HAR file: no log.entries array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        exchanges.add(readEntry(p, exchanges.size(), stickyCookies));
      }
    }
    return new Analysis(exchanges, new ArrayList<>(stickyCookies)).report();
  }

  /** Moves the parser onto the first element of {@code log.entries}, skipping everything else unread. */
  private static boolean seekEntries(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("log".equals(name) && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if ("entries".equals(field) && v == JsonToken.START_ARRAY) {
            return true;
          }
          p.skipChildren();
        }
        return false;
      }
      p.skipChildren();
    }
    return false;
  }

  private static Exchange readEntry(JsonParser p, int index, Set<String> stickyCookies) throws IOException {
    Exchange x = new Exchange(index);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.START_OBJECT && name.equals("request")) {
        readMessage(p, x, true, stickyCookies);
      } else if (value == JsonToken.START_OBJECT && name.equals("response")) {
        readMessage(p, x, false, stickyCookies);
      } else {
        p.skipChildren();
      }
    }
    return x;
  }

  private static void readMessage(JsonParser p, Exchange x, boolean request, Set<String> stickyCookies) throws IOException {
    Map<String, StringBuilder> headerValues = new HashMap<>();
    Map<String, StringBuilder> cookieValues = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "url" -> x.url(value == JsonToken.VALUE_STRING ? p.getText() : "");
        case "method" -> x.method = shorten(p.getText(), 16);
        case "status" -> x.status = value.isNumeric() ? p.getIntValue() : 0;
        case "headers" -> readPairs(p, headerValues, true);
        case "cookies" -> readPairs(p, cookieValues, false);
        default -> p.skipChildren();
      }
    }
    Map<String, String> headers = new HashMap<>();
    headerValues.forEach((k, v) -> headers.put(k, v.toString()));
    Map<String, String> cookies = new LinkedHashMap<>();
    cookieValues.forEach((k, v) -> cookies.put(k, v.toString()));
    String setCookie = headers.get("set-cookie");
    if (!request && setCookie != null) {
      for (String line : setCookie.split("\n")) {
        int eq = line.indexOf('=');
        int semi = line.indexOf(';');
        if (eq > 0) {
          cookies.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1, semi > eq ? semi : line.length()).strip());
        }
      }
    }
    String cookieHeader = headers.get("cookie");
    if (request && cookieHeader != null) {
      for (String pair : cookieHeader.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
      }
    }
    cookies.keySet().stream().filter(NodeIdentity::isStickyCookie).filter(c -> stickyCookies.size() < MAX_NAMES)
        .forEach(c -> stickyCookies.add(shorten(Redaction.redact(c), MAX_NODE)));
    if (!request) {
      String node = NodeIdentity.fromHeaders(headers);
      x.nodeSource = "header";
      if (node == null) {
        x.nodeSource = "cookie";
        for (Map.Entry<String, String> c : cookies.entrySet()) {
          node = node == null ? NodeIdentity.fromCookie(c.getKey(), c.getValue()) : node;
        }
      }
      x.node = node == null ? null : shorten(Redaction.redact(node), MAX_NODE);
    }
  }

  /** A value cut to {@code max} characters: what a report quotes of a HAR never grows with the HAR. */
  static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "...";
  }

  /**
   * Reads a HAR array of {name, value} objects; header names are lower-cased, repeated ones joined by
   * newlines, in linear time and up to {@link #MAX_VALUE} characters per name (a HAR with 320,000 headers of
   * one name must not cost a quadratic join).
   */
  private static void readPairs(JsonParser p, Map<String, StringBuilder> into, boolean lowerNames) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String n = null;
      String v = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken token = p.nextToken();
        if (field.equals("name") && token == JsonToken.VALUE_STRING) {
          n = p.getText();
        } else if (field.equals("value") && token == JsonToken.VALUE_STRING) {
          v = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (n != null && v != null && n.length() <= MAX_VALUE) {
        String key = lowerNames ? n.toLowerCase(Locale.ROOT) : n;
        StringBuilder joined = into.get(key);
        if (joined == null) {
          if (into.size() < MAX_NAMES * 10) {
            into.put(key, new StringBuilder(shorten(v, MAX_VALUE)));
          }
        } else if (joined.length() + v.length() < MAX_VALUE) {
          joined.append('\n').append(v);
        }
      }
    }
  }

  /** One request and response, reduced to what the analysis needs; no query, no header or cookie values. */
  private static final class Exchange {
    final int index;
    String method = "GET";
    String host;
    String safeUrl;
    int status;
    String node;
    String nodeSource;
    boolean authorize;
    boolean callback;
    String redirectHost;

    Exchange(int index) {
      this.index = index;
    }

    void url(String url) {
      URI uri;
      try {
        uri = URI.create(url.strip());
      } catch (IllegalArgumentException malformed) {
        safeUrl = "(unparsable URL)";
        return;
      }
      host = uri.getHost() == null ? null : shorten(uri.getHost().toLowerCase(Locale.ROOT), 253);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      // host and port only: the user-info of a URL is a password, the query holds codes and tokens
      safeUrl = (uri.getScheme() == null ? "" : shorten(uri.getScheme(), 16) + "://") + (host == null ? "" : host)
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + Redaction.redact(shorten(path, MAX_PATH));
      Map<String, String> query = query(uri.getRawQuery());
      authorize = AUTHORIZE_PATH.matcher(path).find() && (query.containsKey("client_id") || query.containsKey("response_type"))
          || query.containsKey("response_type") && query.containsKey("client_id") && query.containsKey("redirect_uri");
      if (authorize && query.containsKey("redirect_uri")) {
        try {
          String h = URI.create(query.get("redirect_uri")).getHost();
          redirectHost = h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException ignored) {
          redirectHost = null;
        }
      }
      callback = !authorize && (query.containsKey("code") && query.containsKey("state")
          || query.containsKey("error") && query.containsKey("state"));
    }

    private static Map<String, String> query(String raw) {
      Map<String, String> q = new HashMap<>();
      if (raw == null) {
        return q;
      }
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
          q.put(k, v);
        }
      }
      return q;
    }
  }

  /** Works out the flow and the node switches from the reduced exchanges. */
  private static final class Analysis {
    final List<Exchange> xs;
    final List<String> stickyCookies;

    Analysis(List<Exchange> xs, List<String> stickyCookies) {
      this.xs = xs;
      this.stickyCookies = stickyCookies;
    }

    HarReport report() {
      Exchange authorize = xs.stream().filter(x -> x.authorize).findFirst().orElse(null);
      Exchange callback = authorize == null ? null
          : xs.stream().filter(x -> x.callback && x.index > authorize.index).findFirst().orElse(null);
      String productHost = authorize != null && authorize.redirectHost != null ? authorize.redirectHost
          : callback != null ? callback.host : null;
      Exchange start = null;
      if (authorize != null && productHost != null) {
        for (Exchange x : xs) {
          if (x.index < authorize.index && productHost.equals(x.host) && x.node != null) {
            start = x;
          }
        }
      }
      int flowFrom = start != null ? start.index : authorize != null ? authorize.index : Integer.MAX_VALUE;
      int flowTo = flowEnd(callback, productHost);

      Map<String, List<String>> nodesByHost = new TreeMap<>();
      Map<String, Exchange> previous = new HashMap<>();
      List<NodeSwitch> switches = new ArrayList<>();
      for (Exchange x : xs) {
        if (x.host == null || x.node == null) {
          continue;
        }
        List<String> nodes = nodesByHost.computeIfAbsent(x.host, h -> new ArrayList<>());
        if (!nodes.contains(x.node)) {
          nodes.add(x.node);
        }
        String key = x.host + " " + x.nodeSource;
        Exchange before = previous.put(key, x);
        if (before != null && !before.node.equals(x.node)) {
          boolean inFlow = productHost != null && productHost.equals(x.host) && x.index > flowFrom && x.index <= flowTo;
          switches.add(new NodeSwitch(x.index, x.method, x.safeUrl, x.status, before.node, x.node, inFlow));
        }
      }
      return new HarReport(xs.size(), authorize == null ? null : authorize.safeUrl, callback == null ? null : callback.safeUrl,
          productHost, start == null ? null : start.node, callback == null ? null : callback.node, nodesByHost,
          stickyCookies, switches, candidates(switches, start, callback));
    }

    private int flowEnd(Exchange callback, String productHost) {
      if (callback == null) {
        return xs.size() - 1;
      }
      int seen = 0;
      for (Exchange x : xs) {
        if (x.index > callback.index && productHost != null && productHost.equals(x.host) && ++seen >= FLOW_TAIL) {
          return x.index;
        }
      }
      return xs.size() - 1;
    }

    private static List<Candidate> candidates(List<NodeSwitch> switches, Exchange start, Exchange callback) {
      long inFlow = switches.stream().filter(NodeSwitch::inOAuthFlow).count();
      if (inFlow > 0) {
        String how = start != null && callback != null && callback.node != null && !callback.node.equals(start.node)
            ? "the OAuth flow started on node " + start.node + " and the callback was answered by node " + callback.node
            : "the load balancer changed node " + inFlow + " time(s) during the OAuth flow";
        return List.of(new Candidate(RootCause.SESSION_STICKINESS, 0.92, how));
      }
      if (!switches.isEmpty()) {
        return List.of(new Candidate(RootCause.SESSION_STICKINESS, 0.6,
            "the load balancer moved the session to another node " + switches.size() + " time(s)"));
      }
      return List.of();
    }
  }
}
