package dev.maildiag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Security;
import dev.maildiag.api.internal.net.TlsTrust;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The least a hand-written mail handler does to know its mailbox works: one token refresh over HTTP, one
 * Angus Mail connect with XOAUTH2, one folder opened read-only. The baseline of figure 1.
 *
 * <p>{@code fresh} (the figure's baseline) does each run from scratch, as one diagnosis does: a new HTTP
 * connection for the refresh and a full TLS handshake for the mail connection. Otherwise the client keeps its
 * HTTP connection and TLS sessions from one run to the next, as a long-running handler polling its mailbox may.
 */
final class BareClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DiagnosticContext context;
  private final boolean fresh;
  private final TlsTrust trust;
  private final OkHttpClient kept;

  BareClient(DiagnosticContext context, boolean fresh) {
    this.context = context;
    this.fresh = fresh;
    this.trust = TlsTrust.forContext(context);
    this.kept = fresh ? null : new OkHttpClient.Builder().sslSocketFactory(trust.socketFactory(), trust.trustManager()).build();
  }

  /** Returns the folder's message count. */
  int run() throws Exception {
    SSLSocketFactory tls = fresh ? newSslContext().getSocketFactory() : trust.socketFactory();
    OkHttpClient http = fresh ? new OkHttpClient.Builder().sslSocketFactory(newSslContext().getSocketFactory(), trust.trustManager())
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build() : kept;
    String token = context.tokens().refreshToken() != null ? refresh(http) : context.tokens().accessToken().reveal();
    MailServer server = context.server();
    boolean ssl = server.security() == null || server.security() == Security.SSL;
    String protocol = server.protocol().jakartaName(ssl ? Security.SSL : server.security());
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.setProperty(p + "auth.mechanisms", "XOAUTH2");
    props.setProperty(p + "connectiontimeout", "10000");
    props.setProperty(p + "timeout", "10000");
    props.put(p + "ssl.socketFactory", tls);
    props.setProperty(p + "ssl.checkserveridentity", "true");
    if (server.security() == Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    Store store = Session.getInstance(props).getStore(protocol);
    store.connect(server.host(), server.effectivePort(), server.login(), token);
    try {
      Folder folder = store.getFolder(server.folder());
      folder.open(Folder.READ_ONLY);
      int count = folder.getMessageCount();
      folder.close(false);
      return count;
    } finally {
      store.close();
    }
  }

  private SSLContext newSslContext() throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {trust.trustManager()}, null);
    return ssl;
  }

  private String refresh(OkHttpClient http) throws Exception {
    FormBody.Builder form = new FormBody.Builder()
        .add("grant_type", "refresh_token")
        .add("refresh_token", context.tokens().refreshToken().reveal())
        .add("client_id", context.oauth().clientId());
    if (context.oauth().clientSecret() != null) {
      form.add("client_secret", context.oauth().clientSecret().reveal());
    }
    if (!context.oauth().scopes().isEmpty()) {
      form.add("scope", String.join(" ", context.oauth().scopes()));
    }
    Request request = new Request.Builder().url(context.oauth().tokenEndpoint()).post(form.build()).build();
    try (Response response = http.newCall(request).execute()) {
      JsonNode body = JSON.readTree(response.body().string());
      if (!response.isSuccessful() || !body.hasNonNull("access_token")) {
        throw new IllegalStateException("token endpoint answered HTTP " + response.code());
      }
      return body.get("access_token").asText();
    }
  }
}
