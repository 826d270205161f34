import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a Jira-like application log of the given size (MiB) for the log-scan benchmark: mostly ordinary
 * INFO/DEBUG lines, and about one line in 400 an error the explainer knows (some inside stack traces).
 * Usage: java GenerateLog.java OUT.log SIZE_MIB
 */
public final class GenerateLog {
  static final String[] NOISE = {
      "INFO admin 613x%dx1 1h2k3l4 10.0.%d.%d /rest/api/2/issue/ABC-%d [c.a.jira.issue.managers.DefaultIssueManager] Updated issue ABC-%d in %d ms",
      "DEBUG anonymous %dx%dx2 - 192.168.%d.%d /secure/Dashboard.jspa [c.a.j.web.filters.steps.ChainedFilterStepRunner] Request took %d ms (%d)",
      "INFO ServiceRunner [c.a.jira.mail.MailThreadManager] Mail handler %d polled %d messages from folder INBOX in %d ms (%d)",
      "WARN http-nio-8080-exec-%d [c.a.plugin.manager.DefaultPluginManager] Plugin com.example.plugin-%d took %d ms to enable (%d)",
      "INFO Caesium-1-%d [c.a.jira.index.ha.DefaultIndexRecoveryManager] Replicated %d index operations from node %d in %d ms",
      "DEBUG http-nio-8080-exec-%d [o.a.c.c.C.[.[localhost].[/].[default]] Servlet request processed for user%d session %d (%d)"};
  static final String[] SIGNALS = {
      "ERROR [] Caesium-1-3 ServiceRunner Exception when MailPullerWorker pulls emails: com.atlassian.jira.internal.mail.processor.errors.MailConnectionException: OAuth token not defined for connection. OAuth Authorisation required.",
      "ERROR ServiceRunner [c.a.jira.service.services.mail.MailFetcherService] javax.mail.AuthenticationFailedException: AUTHENTICATE failed.",
      "ERROR ServiceRunner [c.a.j.plugins.mail.handlers] A3 BAD User is authenticated but not connected.",
      "ERROR http-nio-8080-exec-7 [c.a.oauth2.client] Token request failed: AADSTS7000222: The provided client secret keys for app '1111' are expired.",
      "ERROR ServiceRunner [c.a.jira.mail] com.sun.mail.util.MailConnectException: Couldn't connect to host, port: outlook.office365.com, 993; timeout -1",
      "ERROR http-nio-8080-exec-3 [c.a.oauth2.client] java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\"",
      "ERROR ServiceRunner [c.a.jira.mail] AuthenticationFailedException: Protocol error. Connection is closed. 10"};
  static final String[] TRACE = {
      "javax.mail.MessagingException: Connect failed;",
      "  nested exception is:",
      "\tjava.net.UnknownHostException: outlook.office365.com",
      "\tat java.base/java.net.InetAddress$CachedAddresses.get(InetAddress.java:801)",
      "\tat com.sun.mail.iap.Protocol.<init>(Protocol.java:134)"};

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long target = Long.parseLong(args[1]) * 1024 * 1024;
    Random r = new Random(42);
    long written = 0;
    long seconds = 0;
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      while (written < target) {
        seconds += r.nextInt(2);
        String time = String.format("2024-03-%02d %02d:%02d:%02d,%03d+0000", 1 + (int) (seconds / 86400 % 28),
            seconds / 3600 % 24, seconds / 60 % 60, seconds % 60, r.nextInt(1000));
        StringBuilder line = new StringBuilder(200).append(time).append(' ');
        int pick = r.nextInt(400);
        if (pick == 0) {
          line.append(SIGNALS[r.nextInt(SIGNALS.length)]).append('\n');
        } else if (pick == 1) {
          line.append("ERROR ServiceRunner [c.a.jira.mail] Mail error\n");
          for (String t : TRACE) {
            line.append(t).append('\n');
          }
        } else {
          String f = NOISE[r.nextInt(NOISE.length)];
          line.append(String.format(f, r.nextInt(100), r.nextInt(255), r.nextInt(255), r.nextInt(99999), r.nextInt(99999), r.nextInt(5000)))
              .append('\n');
        }
        byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
        o.write(b);
        written += b.length;
      }
    }
  }
}
