package dev.maildiag.api.internal.explain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes HAR captures of a Jira OAuth authorization through a load balancer, with secrets everywhere they occur. */
final class HarFiles {
  static final String SECRET = "S3CR3T";

  private HarFiles() {}

  /**
   * A flow that starts on node1; the callback and what follows are answered by {@code callbackNode}.
   * {@code padding} entries with a {@code bodyBytes} body each come before the flow.
   */
  static void write(Path file, String callbackNode, int padding, int bodyBytes, int giantBodyBytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("log");
      g.writeStringField("version", "1.2");
      g.writeObjectFieldStart("creator");
      g.writeStringField("name", "test");
      g.writeEndObject();
      g.writeArrayFieldStart("entries");
      String body = "a".repeat(bodyBytes);
      for (int i = 0; i < padding; i++) {
        entry(g, "GET", "https://jira.example.com/s/static/" + i + ".js", 200, "node1", body, false);
      }
      if (giantBodyBytes > 0) {
        entry(g, "GET", "https://jira.example.com/s/static/big.js", 200, "node1", "b".repeat(giantBodyBytes), false);
      }
      entry(g, "GET", "https://jira.example.com/secure/admin/IncomingMailServers.jspa", 200, "node1", "<html/>", true);
      entry(g, "GET", "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=11111111-2222&response_type=code"
          + "&redirect_uri=https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth2%2Fcallback&state=" + SECRET + "state", 200, null,
          "login page", false);
      entry(g, "GET", "https://jira.example.com/plugins/servlet/oauth2/callback?code=" + SECRET + "code&state=" + SECRET + "state",
          302, callbackNode, "", true);
      entry(g, "POST", "https://jira.example.com/rest/oauth2-client/1.0/flow/finish", 200, callbackNode,
          "{\"access_token\":\"" + SECRET + "access\",\"refresh_token\":\"" + SECRET + "refresh\"}", true);
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void entry(JsonGenerator g, String method, String url, int status, String node, String body, boolean cookies)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("startedDateTime", "2024-03-01T10:00:00.000Z");
    g.writeObjectFieldStart("request");
    g.writeStringField("method", method);
    g.writeStringField("url", url);
    g.writeArrayFieldStart("headers");
    pair(g, "Authorization", "Bearer " + SECRET + "bearer");
    if (cookies) {
      pair(g, "Cookie", "JSESSIONID=" + SECRET + "session.node1; atlassian.xsrf.token=" + SECRET + "xsrf");
    }
    g.writeEndArray();
    g.writeArrayFieldStart("cookies");
    if (cookies) {
      pair(g, "JSESSIONID", SECRET + "session.node1");
    }
    g.writeEndArray();
    g.writeObjectFieldStart("postData");
    g.writeStringField("mimeType", "application/x-www-form-urlencoded");
    g.writeStringField("text", "grant_type=refresh_token&refresh_token=" + SECRET + "post&client_secret=" + SECRET + "client");
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("response");
    g.writeNumberField("status", status);
    g.writeArrayFieldStart("headers");
    if (node != null) {
      pair(g, "X-ANODEID", node);
      pair(g, "Set-Cookie", "JSESSIONID=" + SECRET + "new." + node + "; Path=/; HttpOnly");
    }
    g.writeEndArray();
    g.writeArrayFieldStart("cookies");
    if (node != null) {
      pair(g, "JSESSIONID", SECRET + "new." + node);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("content");
    g.writeNumberField("size", body.length());
    g.writeStringField("text", body);
    g.writeEndObject();
    g.writeStringField("redirectURL", "");
    g.writeEndObject();
    g.writeObjectFieldStart("timings");
    g.writeNumberField("wait", 1);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void pair(JsonGenerator g, String name, String value) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("value", value);
    g.writeEndObject();
  }
}
