package dev.maildiag.api.internal.net;

import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.IdentityCalls;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/** {@link IdentityCalls} over the context's {@link HttpClients} client; a call is cancelled if its check runs out of time. */
public final class IdentityHttp implements IdentityCalls {
  private final CheckContext ctx;

  public IdentityHttp(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Answer get(String url, Map<String, String> headers) throws IOException {
    Request.Builder request = new Request.Builder().url(parse(url)).get().header("User-Agent", "maildiag");
    headers.forEach(request::header);
    return execute(request.build());
  }

  @Override
  public Answer postForm(String url, Map<String, String> form) throws IOException {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    return execute(new Request.Builder().url(parse(url)).post(body.build()).header("User-Agent", "maildiag").build());
  }

  private Answer execute(Request request) throws IOException {
    Call call = HttpClients.forContext(ctx.context()).newCall(request);
    ctx.closeOnTimeout(call::cancel);
    try (Response response = call.execute()) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
      }
      return new Answer(response.code(), headers, response.peekBody(MAX_BODY_CHARS).string());
    }
  }

  private static HttpUrl parse(String url) throws IOException {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new IOException("not an http or https URL"); // the URL itself is not repeated: it may carry a secret
    }
    return parsed;
  }
}
