package dev.maildiag.testkit;

import dev.maildiag.api.spi.SignIn;
import dev.maildiag.testkit.tls.TestCa;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  private final HttpClient http = HttpClient.newBuilder()
      .sslContext(TestCa.get().sslContext())
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final List<String> told = Collections.synchronizedList(new ArrayList<>());
  private volatile String landedOn;
  private volatile String pageText;

  @Override
  public void tell(String message) {
    told.add(message);
  }

  /** What maildiag told the administrator, in order (URLs, codes, why an account is preselected). */
  public List<String> told() {
    return List.copyOf(told);
  }

  @Override
  public boolean openBrowser(URI url) {
    try {
      navigate(url);
    } catch (IOException e) {
      pageText = "The browser could not open the page: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private void navigate(URI start) throws IOException, InterruptedException {
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
      HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(10));
      if (formBody != null) {
        request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formBody));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      formBody = null;
      Optional<String> location = response.headers().firstValue("Location");
      if (response.statusCode() / 100 == 3 && location.isPresent()) {
        current = current.resolve(location.get());
        continue;
      }
      if (loopback) {
        return; // maildiag's listener has the answer
      }
      Matcher form = FORM.matcher(response.body());
      if (response.statusCode() == 200 && form.find()) {
        current = current.resolve(unescape(form.group(1)));
        formBody = formOf(response.body());
        continue;
      }
      pageText = errorText(response.body());
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
