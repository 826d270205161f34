package dev.maildiag.bench;

import dev.maildiag.api.DiagnosticContext.NetworkSettings;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.api.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 3: the offline checks (configuration, catalogs, token claims) of a whole diagnosis, after warm-up: a
 * diagnose call limited to {@code Stage.CONFIG} and {@code Maildiag.preflight}, measured alternately.
 */
final class OfflineFigure {
  static Figure run(int repetitions) {
    Figure f = new Figure("3. Offline checks (configuration, catalog, claims) after warm-up");
    Maildiag offline = Maildiag.builder().stages(Stage.CONFIG).build();
    Maildiag runner = Maildiag.create();
    Map<String, DiagnosticContext> contexts = new LinkedHashMap<>();
    contexts.put("microsoft", microsoft());
    contexts.put("google", google());
    for (var e : contexts.entrySet()) {
      DiagnosticContext context = e.getValue();
      for (int i = 0; i < 20_000; i++) {
        offline.diagnose(context);
        runner.preflight(context);
      }
      List<Double> wall = new ArrayList<>();
      List<Double> preflight = new ArrayList<>();
      Map<String, List<Double>> perCheck = new LinkedHashMap<>();
      Report last = null;
      for (int i = 0; i < repetitions; i++) {
        long t0 = System.nanoTime();
        last = offline.diagnose(context);
        wall.add((System.nanoTime() - t0) / 1e6);
        for (Finding finding : last.findings()) {
          perCheck.computeIfAbsent(finding.checkId(), k -> new ArrayList<>()).add(finding.duration().toNanos() / 1e6);
        }
        long t1 = System.nanoTime();
        Report pre = runner.preflight(context);
        preflight.add((System.nanoTime() - t1) / 1e3);
        if (pre.findings().size() != last.findings().size()) {
          throw new IllegalStateException("preflight ran " + pre.findings().size() + " checks, the CONFIG diagnosis " + last.findings().size());
        }
      }
      Stats whole = new Stats(wall);
      f.row(e.getKey() + ": whole offline set (" + perCheck.size() + " checks, one diagnose call)", whole.describe(3, " ms"), "< 5 ms",
          whole.median() < 5);
      Stats pre = new Stats(preflight);
      f.row(e.getKey() + ": Maildiag.preflight (same checks, on the caller's thread, no pool or timer)", pre.describe(1, " µs"),
          "<= 50 µs median", pre.median() <= 50);
      StringBuilder table = new StringBuilder("Per check, " + e.getKey() + " (ms, median (min-max)):\n\n| Check | Time | Severity |\n|---|---|---|\n");
      for (var c : perCheck.entrySet()) {
        Finding finding = last.finding(c.getKey()).orElseThrow();
        table.append("| `").append(c.getKey()).append("` | ").append(new Stats(c.getValue()).describe(3, "")).append(" | ")
            .append(finding.severity()).append(" |\n");
      }
      f.note(table.toString());
    }
    return f;
  }

  /** A token that looks like an Entra ID access token for IMAP; the signature is not checked offline. */
  static String microsoftJwt() {
    long exp = Instant.now().plusSeconds(3600).getEpochSecond();
    return jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
        "{\"aud\":\"https://outlook.office365.com\",\"iss\":\"https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/\","
            + "\"tid\":\"9188040d-6c67-4c5b-b112-36a304b66dad\",\"appid\":\"bench-client\",\"scp\":\"IMAP.AccessAsUser.All\","
            + "\"upn\":\"helpdesk@contoso.com\",\"exp\":" + exp + ",\"nbf\":" + (exp - 3700) + "}");
  }

  private static String jwt(String header, String payload) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "." + b.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
  }

  private static DiagnosticContext microsoft() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("outlook.office365.com").port(993).security(Security.SSL).login("helpdesk@contoso.com")
        .provider("microsoft").tenant("contoso.onmicrosoft.com").clientId("bench-client").clientSecret(Secret.of("bench-client-secret"))
        .scope("https://outlook.office365.com/IMAP.AccessAsUser.All").scope("offline_access")
        .refreshToken(Secret.of("bench-refresh-token")).accessToken(Secret.of(microsoftJwt()))
        .network(NetworkSettings.direct())
        .build();
  }

  private static DiagnosticContext google() {
    return DiagnosticContext.builder()
        .protocol(Protocol.IMAP).host("imap.gmail.com").port(993).security(Security.SSL).login("helpdesk@example.com")
        .provider("google").clientId("bench-client.apps.googleusercontent.com").clientSecret(Secret.of("bench-client-secret"))
        .scope("https://mail.google.com/")
        .refreshToken(Secret.of("bench-refresh-token")).accessToken(Secret.of("ya29.bench-access-token"))
        .network(NetworkSettings.direct())
        .build();
  }

  private OfflineFigure() {}
}
