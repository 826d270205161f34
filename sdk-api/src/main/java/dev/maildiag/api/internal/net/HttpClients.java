package dev.maildiag.api.internal.net;

import dev.maildiag.api.DiagnosticContext.ProxyServer;
import dev.maildiag.api.DiagnosticContext;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * OkHttp clients for identity calls (token endpoint, discovery), bounded and routed like the JVM routes
 * HTTPS: connect, read and call timeouts from the context, the same proxy decision as {@link ProxyDecision},
 * proxy credentials, the context's {@link TlsTrust}, a cap on response size, and no redirect followed: a
 * token request carries the client secret and the refresh token, and following a 307 would post them to
 * whatever origin the answer names. A redirect is an answer of its own for the check to report.
 */
public final class HttpClients {
  /** Largest response body read; identity answers are a few kilobytes. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private HttpClients() {}

  /** A client for this context. Cheap enough per check; share one within a check. */
  public static OkHttpClient forContext(DiagnosticContext context) {
    TlsTrust trust = TlsTrust.forContext(context);
    return new OkHttpClient.Builder()
        .connectTimeout(context.timeouts().connect())
        .readTimeout(context.timeouts().read())
        .writeTimeout(context.timeouts().read())
        .callTimeout(context.timeouts().check())
        .proxySelector(new DecidingProxySelector(context))
        .proxyAuthenticator((route, response) -> proxyCredentials(context, response))
        .sslSocketFactory(trust.socketFactory(), trust.trustManager())
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        // every check builds its own client and never reuses a connection: an idle HTTP/2 connection kept for
        // OkHttp's default five minutes holds a socket and a reader thread per diagnosis, which piles up in a
        // product that diagnoses before every save
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .addInterceptor(chain -> capped(chain.proceed(chain.request()), MAX_BODY_BYTES))
        .build();
  }

  private static Request proxyCredentials(DiagnosticContext context, Response response) {
    if (response == null || response.request().header("Proxy-Authorization") != null) {
      return null; // no credentials, or they were refused already: let the 407 surface instead of looping
    }
    String host = response.request().url().host();
    Route route = ProxyDecision.forHttps(context.network(), host);
    ProxyServer proxy = route.proxy();
    if (proxy == null || proxy.user() == null || proxy.password() == null) {
      return null;
    }
    return response.request().newBuilder()
        .header("Proxy-Authorization", Credentials.basic(proxy.user(), proxy.password().reveal()))
        .build();
  }

  private static Response capped(Response response, long max) {
    ResponseBody body = response.body();
    if (body == null) {
      return response;
    }
    Source limited = new ForwardingSource(body.source()) {
      private long read;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n > 0) {
          read += n;
          if (read > max) {
            throw new IOException("response body is larger than " + max + " bytes; not read further");
          }
        }
        return n;
      }
    };
    return response.newBuilder()
        .body(ResponseBody.create(Okio.buffer(limited), body.contentType(), body.contentLength()))
        .build();
  }

  /** Applies {@link ProxyDecision#forHttps} to every request, whatever the JVM's default selector says. */
  private static final class DecidingProxySelector extends ProxySelector {
    private final DiagnosticContext context;

    DecidingProxySelector(DiagnosticContext context) {
      this.context = context;
    }

    @Override
    public List<Proxy> select(URI uri) {
      return List.of(ProxyDecision.forHttps(context.network(), uri.getHost()).toProxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
      // nothing to remember: each diagnosis decides afresh
    }
  }
}
