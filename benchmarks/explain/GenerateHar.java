import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a HAR capture of the given size (MiB) for the HAR benchmark: a Jira admin session with many static
 * resources (bodies of 16-256 KiB), and in the middle an OAuth authorization whose callback lands on another
 * node. Usage: java GenerateHar.java OUT.har SIZE_MIB
 */
public final class GenerateHar {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long target = Long.parseLong(args[1]) * 1024 * 1024;
    Random r = new Random(7);
    long written = 0;
    int n = 0;
    boolean flowWritten = false;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      w.write("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"bench\",\"version\":\"1\"},\"pages\":[],\"entries\":[\n");
      while (written < target) {
        if (!flowWritten && written > target / 2) {
          written += entry(w, n++, "GET", "https://jira.example.com/secure/admin/IncomingMailServers.jspa", 200, "node1", 2048, r);
          written += entry(w, n++, "GET", "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1&response_type=code"
              + "&redirect_uri=https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth2%2Fcallback&state=abc", 200, null, 4096, r);
          written += entry(w, n++, "GET", "https://jira.example.com/plugins/servlet/oauth2/callback?code=0.AAAA&state=abc", 302, "node2", 0, r);
          flowWritten = true;
        } else {
          written += entry(w, n++, "GET", "https://jira.example.com/s/batch/" + n + ".js?locale=en", 200, "node1",
              16 * 1024 + r.nextInt(240 * 1024), r);
        }
      }
      w.write("{\"request\":{\"method\":\"GET\",\"url\":\"https://jira.example.com/end\",\"headers\":[]},\"response\":{\"status\":204,\"headers\":[]}}\n]}}\n");
    }
  }

  static long entry(Writer w, int n, String method, String url, int status, String node, int body, Random r) throws Exception {
    StringBuilder b = new StringBuilder(body + 1024);
    b.append("{\"startedDateTime\":\"2024-03-01T10:00:").append(String.format("%02d", n % 60)).append(".000Z\",\"time\":12,")
        .append("\"request\":{\"method\":\"").append(method).append("\",\"url\":\"").append(url).append("\",\"httpVersion\":\"HTTP/1.1\",")
        .append("\"headers\":[{\"name\":\"Cookie\",\"value\":\"JSESSIONID=ABCDEF0123456789.node1; atlassian.xsrf.token=B1C2\"},")
        .append("{\"name\":\"User-Agent\",\"value\":\"Mozilla/5.0\"}],\"queryString\":[],\"cookies\":[{\"name\":\"JSESSIONID\",\"value\":\"ABCDEF0123456789.node1\"}],")
        .append("\"headersSize\":-1,\"bodySize\":0},\"response\":{\"status\":").append(status).append(",\"statusText\":\"\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[");
    if (node != null) {
      b.append("{\"name\":\"X-ANODEID\",\"value\":\"").append(node).append("\"},");
    }
    b.append("{\"name\":\"Content-Type\",\"value\":\"application/javascript\"}],\"cookies\":[],\"content\":{\"size\":").append(body)
        .append(",\"mimeType\":\"application/javascript\",\"text\":\"");
    for (int i = 0; i < body; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    b.append("\"},\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":").append(body).append("},\"cache\":{},\"timings\":{\"send\":0,\"wait\":10,\"receive\":2}},\n");
    w.write(b.toString());
    return b.length();
  }
}
