package dev.maildiag.api.internal.oauth;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends Nimbus' OAuth requests through OkHttp, so token calls share OkHttp's timeouts and proxy decision.
 * Reads at most {@link #MAX_BODY} bytes of an answer: a token endpoint never needs more, a hostile one
 * must not fill the heap.
 */
public final class OkHttpSender implements HTTPRequestSender {
  /** The largest response body read; token answers are a few kilobytes. */
  public static final int MAX_BODY = 256 * 1024;

  private final OkHttpClient client;

  public OkHttpSender(OkHttpClient client) {
    this.client = client;
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    Request.Builder b = new Request.Builder().url(request.getURL());
    for (Map.Entry<String, List<String>> h : request.getHeaderMap().entrySet()) {
      for (String value : h.getValue()) {
        b.addHeader(h.getKey(), value);
      }
    }
    String body = request.getBody();
    String contentType = request.getHeaderMap().getOrDefault("Content-Type", List.of("application/x-www-form-urlencoded")).get(0);
    RequestBody requestBody = body == null ? null : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get(contentType));
    b.method(request.getMethod().name(), requestBody);
    try (Response response = client.newCall(b.build()).execute()) {
      HTTPResponse answer = new HTTPResponse(response.code());
      answer.setStatusMessage(response.message());
      for (String name : response.headers().names()) {
        answer.setHeader(name, response.headers(name).toArray(new String[0]));
      }
      answer.setBody(readCapped(response.body()));
      return answer;
    }
  }

  private static String readCapped(ResponseBody body) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    source.request(MAX_BODY + 1L);
    long available = Math.min(source.getBuffer().size(), MAX_BODY);
    return source.getBuffer().readString(available, StandardCharsets.UTF_8);
  }
}
