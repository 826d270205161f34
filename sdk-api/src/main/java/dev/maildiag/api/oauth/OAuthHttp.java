package dev.maildiag.api.oauth;

import dev.maildiag.api.Timeouts;
import okhttp3.OkHttpClient;

/** The one place the OAuth checks get their HTTP client from. */
final class OAuthHttp {
  private OAuthHttp() {}

  // TODO(after probes land): use dev.maildiag.api.net.HttpClients for the shared proxy decision
  static OkHttpClient client(Timeouts timeouts) {
    return new OkHttpClient.Builder()
        .connectTimeout(timeouts.connect())
        .readTimeout(timeouts.read())
        .writeTimeout(timeouts.read())
        .callTimeout(timeouts.connect().plus(timeouts.read()))
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
  }
}
