package dev.maildiag.api.internal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Verdict;
import dev.maildiag.api.internal.report.ReportPath.PathStep;

/** The words reports in every format share: the subject in reading order and as one line, the verdict as a sentence. */
final class ReportWords {
  private static final List<String> ORDER = List.of("protocol", "host", "port", "security", "login", "mailbox", "folder",
      "provider", "cloud", "tenant", "clientId", "product");

  private ReportWords() {}

  static Map<String, String> ordered(Map<String, String> subject) {
    Map<String, String> out = new LinkedHashMap<>();
    ORDER.stream().filter(subject::containsKey).forEach(k -> out.put(k, subject.get(k)));
    new TreeMap<>(subject).forEach(out::putIfAbsent);
    return out;
  }

  /** {@code imap://host:993 as login}, or "configuration" when there is no host. */
  static String oneLine(Map<String, String> s) {
    if (!s.containsKey("host")) {
      return "configuration";
    }
    return s.getOrDefault("protocol", "?") + "://" + s.get("host") + (s.containsKey("port") ? ":" + s.get("port") : "")
        + (s.containsKey("login") ? " as " + s.get("login") : "");
  }

  static String verdictSentence(Verdict verdict) {
    return switch (verdict) {
      case ERROR -> "Mail will fail.";
      case WARNING -> "Mail works, with warnings.";
      default -> "No problem found.";
    };
  }

  /** What the first failed check of a broken step said. */
  static String whyBroken(PathStep step) {
    return step.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst().map(Finding::summary)
        .map(s -> s.endsWith(".") ? s.substring(0, s.length() - 1) : s).orElse("");
  }
}
