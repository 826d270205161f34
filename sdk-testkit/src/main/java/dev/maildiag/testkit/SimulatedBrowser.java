package dev.maildiag.testkit;

import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.tls.TestCa;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The administrator of a simulated sign-in, with a small browser: it opens the authorization URL, submits the
 * simulated sign-in form (what a real browser does with the page's script), follows redirects on the simulated
 * identity platform and to maildiag's loopback listener, and stops where a real administrator would look: at an
 * address outside the platform (the handler's own redirect URI, which it then pastes), or at an error page (whose
 * text it pastes when asked). Trusts the test CA only. Never prints what it sees.
 */
public final class SimulatedBrowser implements SignIn.Administrator {
  private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
  private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
  private static final Pattern MS_ERROR = Pattern.compile("\"strServiceExceptionMessage\":\"([^\"]*)\"");
  private static final int MAX_STEPS = 12;

  // OkHttp, not the JDK's client: that one logs request lines (with the code) at debug, which no browser does
  private final OkHttpClient http = new OkHttpClient.Builder()
      .sslSocketFactory(TestCa.get().socketFactory(), TestCa.get().trustManager())
      .connectTimeout(Duration.ofSeconds(5))
      .readTimeout(Duration.ofSeconds(10))
      .followRedirects(false)
      .followSslRedirects(false)
      .build();
  private final List<String> told = Collections.synchronizedList(new ArrayList<>());
  private volatile String landedOn;
  private volatile String pageText;

  @Override
  public void tell(String message) {
    told.add(message);
  }

  /**
   * What maildiag told the administrator, in order (URLs, codes, why an account is preselected).
   *
   * @return the messages
   */
  public List<String> told() {
    return List.copyOf(told);
  }

  @Override
  public boolean openBrowser(URI url) {
    try {
      navigate(url);
    } catch (IOException e) {
      pageText = "The browser could not open the page: " + e.getMessage();
    }
    return true;
  }

  /** The address the browser landed on outside the identity platform, or the error page's text; else nothing. */
  @Override
  public Optional<String> ask(String prompt, Duration timeout) {
    if (landedOn != null) {
      return Optional.of(landedOn);
    }
    return Optional.ofNullable(pageText);
  }

  private void navigate(URI start) throws IOException {
    URI current = start;
    String formBody = null;
    for (int step = 0; step < MAX_STEPS; step++) {
      boolean loopback = "http".equals(current.getScheme())
          && ("127.0.0.1".equals(current.getHost()) || "localhost".equalsIgnoreCase(current.getHost()));
      boolean platform = sameOrigin(current, start);
      if (!loopback && !platform) {
        landedOn = current.toString(); // the handler's own callback: the administrator copies the address
        return;
      }
      Request.Builder request = new Request.Builder().url(current.toString());
      if (formBody != null) {
        request.post(RequestBody.create(formBody, MediaType.get("application/x-www-form-urlencoded")));
      }
      formBody = null;
      int status;
      String location;
      String body;
      try (Response response = http.newCall(request.build()).execute()) {
        status = response.code();
        location = response.header("Location");
        body = response.body() == null ? "" : response.body().string();
      }
      if (status / 100 == 3 && location != null) {
        current = current.resolve(location);
        continue;
      }
      if (loopback) {
        return; // maildiag's listener has the answer
      }
      Matcher form = FORM.matcher(body);
      if (status == 200 && form.find()) {
        current = current.resolve(unescape(form.group(1)));
        formBody = formOf(body);
        continue;
      }
      pageText = errorText(body);
      return;
    }
    pageText = "The browser stopped after too many redirects.";
  }

  private static String formOf(String html) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = INPUT.matcher(html);
    while (m.find()) {
      fields.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  /** What the page shows: Microsoft's service exception message, else the page's words. */
  private static String errorText(String html) {
    Matcher ms = MS_ERROR.matcher(html);
    if (ms.find()) {
      return ms.group(1).replace("\\u0027", "'");
    }
    return unescape(html.replaceAll("(?s)<script.*?</script>|<[^>]+>", " ").replaceAll("\\s+", " ").strip());
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equals(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
