package dev.maildiag.cli;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the CLI's flags beside the settings that findings speak of. The SDK's findings are written for
 * embedders ("the token endpoint", "the connect and read timeouts"); a CLI user sets those with flags.
 */
final class SettingFlags {
  private static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("the protocol", "--protocol");
    FLAGS.put("the mail host", "--host");
    FLAGS.put("the login user", "--login");
    FLAGS.put("the token endpoint", "--token-endpoint");
    FLAGS.put("the client id", "--client-id");
    FLAGS.put("the connect and read timeouts", "--timeout");
    FLAGS.put("the deadline", "--deadline");
    FLAGS.put("the per-check time limit", "--timeout");
  }

  private static final String CONFIGURATION = "in the handler's configuration";
  private static final String AS_FLAGS = "as flags or in the --config properties file";

  private SettingFlags() {}

  /**
   * The report with each setting's flag named after the setting in the configuration checks' summaries and
   * remediation steps (elsewhere words like "the protocol" mean the server's, not a setting).
   */
  static Report annotate(Report report) {
    List<Finding> findings = report.findings().stream().map(f -> isAboutSettings(f.checkId())
        ? new Finding(f.checkId(), f.severity(), f.rootCause(), f.confidence(), f.alternatives(), text(f.summary()),
            f.detail(), remediation(f.remediation()), f.evidence(), f.duration())
        : f).toList();
    List<RankedRootCause> causes = report.rootCauses().stream().map(r -> r.findings().stream().anyMatch(SettingFlags::isAboutSettings)
        ? new RankedRootCause(r.id(), r.title(), r.confidence(), r.findings(), remediation(r.remediation()))
        : r).toList();
    return new Report(report.verdict(), findings, causes, report.subject(), report.startedAt(), report.duration());
  }

  private static boolean isAboutSettings(String checkId) {
    return checkId.startsWith("config.");
  }

  private static Remediation remediation(Remediation r) {
    return new Remediation(r.steps().stream().map(SettingFlags::text).toList(), r.links());
  }

  /** The text with "(--flag)" after the first mention of each setting. */
  static String text(String text) {
    String out = text.replace(CONFIGURATION, AS_FLAGS);
    for (Map.Entry<String, String> e : FLAGS.entrySet()) {
      int at = indexOfPhrase(out, e.getKey());
      if (at >= 0) {
        int end = at + e.getKey().length();
        out = out.substring(0, end) + " (" + e.getValue() + ")" + out.substring(end);
      }
    }
    return out;
  }

  /** Where the phrase starts as whole words, case-insensitively at a sentence start; -1 when absent. */
  private static int indexOfPhrase(String text, String phrase) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int from = 0;
    while (true) {
      int at = lower.indexOf(phrase, from);
      if (at < 0) {
        return -1;
      }
      int end = at + phrase.length();
      boolean wordStart = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
      boolean wordEnd = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end)) && lower.charAt(end) != '-';
      if (wordStart && wordEnd) {
        return at;
      }
      from = end;
    }
  }
}
