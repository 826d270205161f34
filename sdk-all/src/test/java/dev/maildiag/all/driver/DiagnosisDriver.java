package dev.maildiag.all.driver;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Report;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Security;
import dev.maildiag.google.GoogleDiagnostics;
import dev.maildiag.microsoft.MicrosoftDiagnostics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an add-on does with the SDK: builds a context from its own settings, registers the providers
 * explicitly (as inside OSGi, where ServiceLoader does not cross bundles) and diagnoses. It names only
 * exported types, so the same class runs against the plain jars, the shaded jar and the OSGi bundles.
 */
public final class DiagnosisDriver {
  private DiagnosisDriver() {}

  /** Diagnoses the settings and answers with one comparable line per finding, then the verdict and top cause. */
  public static String diagnose(Map<String, String> s) {
    DiagnosticContext.Builder b = DiagnosticContext.builder()
        .protocol(Protocol.valueOf(s.get("protocol")))
        .host(s.get("host"))
        .port(Integer.parseInt(s.get("port")))
        .security(Security.valueOf(s.get("security")))
        .login(s.get("login"))
        .provider(s.get("provider"))
        .clientId(s.get("clientId"))
        .tokenEndpoint(s.get("tokenEndpoint"))
        .scopes(List.of(s.get("scopes").split(" ")))
        .timeout(Duration.ofSeconds(10));
    if (s.get("mailbox") != null) {
      b.mailbox(s.get("mailbox"));
    }
    if (s.get("tenant") != null) {
      b.tenant(s.get("tenant"));
    }
    if (s.get("cloud") != null) {
      b.cloud(s.get("cloud"));
    }
    if (s.get("clientSecret") != null) {
      b.clientSecret(Secret.of(s.get("clientSecret")));
    }
    if (s.get("refreshToken") != null) {
      b.refreshToken(Secret.of(s.get("refreshToken")));
    }
    Report report = Maildiag.builder()
        .provider(new MicrosoftDiagnostics())
        .provider(new GoogleDiagnostics())
        .build()
        .diagnose(b.build());
    return summary(report);
  }

  static String summary(Report report) {
    String findings = report.findings().stream()
        .map(DiagnosisDriver::line)
        .collect(Collectors.joining("\n"));
    return findings + "\nverdict=" + report.verdict()
        + "\ntop=" + report.topRootCause().map(c -> c.id()).orElse("none");
  }

  private static String line(Finding f) {
    // durations and Angus Mail's IMAP tags (a counter per class loader) differ from run to run; nothing else may
    String summary = f.summary().replaceAll("\\d+ ms\\b", "_ ms").replaceAll("\\b[A-Z]{1,2}\\d+ (NO|BAD) ", "T $1 ");
    return f.checkId() + " " + f.severity() + " " + (f.rootCause() == null ? "-" : f.rootCause()) + " " + summary;
  }
}
