package dev.maildiag.microsoft;

import dev.maildiag.api.spi.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which host-product versions support what with Microsoft 365, as data. Source for the built-in rows:
 * Atlassian KB "Jira or JSM Mail Handlers cannot be configured using OAuth 2.0 in Data Center"
 * (https://confluence.atlassian.com/jirakb/1095250181.html), root causes 9, 10 and 12, and the issues it
 * cites (JRASERVER-72033, JSDSERVER-6998). Immutable: a caller adds its own products with {@link #with}, and
 * gives the result to its own runner through {@link MicrosoftDiagnostics#withProductRules}, so no other runner
 * in the JVM sees them.
 */
public final class HostProductSupport {
  /** What a product version may or may not support. */
  public enum Feature { OAUTH, POP3_OAUTH, GOVERNMENT_CLOUD, MULTI_CHANNEL }

  /**
   * One rule: the product supports {@code feature} from {@code since} (inclusive) within the release line
   * {@code line} (e.g. {@code 8.5} for 8.5.12+), or from {@code since} on when line is null.
   */
  public record Rule(String product, Feature feature, String line, String since, String source) {}

  /** How many email channels use OAuth 2.0 in one JSM project; more than one hits the beta's bug. */
  public static final Key<Integer> OAUTH_MAIL_CHANNELS = Key.of("microsoft.oauthMailChannels", Integer.class);

  /** JSM 4.18-4.21 only had the multi-channel feature as a beta (dark feature sd.multi.incoming.email.support.enabled). */
  public static final String MULTI_CHANNEL_BETA_FROM = "4.18.0";

  private static final HostProductSupport BUILT_IN = new HostProductSupport(List.of(
      new Rule("jira", Feature.OAUTH, null, "8.10.0", "KB environment: Jira 8.10.0 and higher"),
      // the 8.5 LTS line had OAuth mail by 8.5.12, where POP3 with OAuth was backported (JRASERVER-72033)
      new Rule("jira", Feature.OAUTH, "8.5", "8.5.12", "JRASERVER-72033 fix version 8.5.12"),
      new Rule("jira", Feature.POP3_OAUTH, "8.5", "8.5.12", "KB root cause 10; JRASERVER-72033"),
      new Rule("jira", Feature.POP3_OAUTH, "8.13", "8.13.4", "KB root cause 10; JRASERVER-72033"),
      new Rule("jira", Feature.POP3_OAUTH, null, "8.15.0", "KB root cause 10; JRASERVER-72033"),
      new Rule("jira", Feature.GOVERNMENT_CLOUD, null, "8.10.0", "KB root cause 9"),
      new Rule("jira-service-management", Feature.OAUTH, null, "4.10.0", "KB environment: JSM 4.10.0 and higher"),
      new Rule("jira-service-management", Feature.GOVERNMENT_CLOUD, null, "4.22.0", "KB root cause 9; JSDSERVER-6998 (4.22.2 for Server licences)"),
      new Rule("jira-service-management", Feature.MULTI_CHANNEL, null, "4.22.0", "KB root cause 12; JSM 4.22 release notes")));

  private final List<Rule> rules;

  private HostProductSupport(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The built-in rules (Jira and Jira Service Management). */
  public static HostProductSupport builtIn() {
    return BUILT_IN;
  }

  /** These rules followed by {@code more}, e.g. for the caller's own product; this object is unchanged. */
  public HostProductSupport with(List<Rule> more) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(more);
    return new HostProductSupport(all);
  }

  /** The rules, built-in ones first. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Whether the product version supports the feature: empty when the catalog has no rule for the product
   * and feature, else the verdict and the rule that decided it.
   */
  public Optional<Verdict> supports(String product, String version, Feature feature) {
    String p = normalise(product);
    List<Rule> rules = this.rules.stream().filter(r -> r.product().equals(p) && r.feature() == feature).toList();
    if (rules.isEmpty() || version == null) {
      return Optional.empty();
    }
    Rule line = rules.stream().filter(r -> r.line() != null && sameLine(version, r.line())).findFirst().orElse(null);
    if (line != null) {
      return Optional.of(new Verdict(compare(version, line.since()) >= 0, line));
    }
    Rule open = rules.stream().filter(r -> r.line() == null).findFirst().orElse(rules.get(0));
    return Optional.of(new Verdict(compare(version, open.since()) >= 0, open));
  }

  /** Whether a JSM version is one where multi-channel email existed only as the beta. */
  public boolean isMultiChannelBeta(String product, String version) {
    if (!normalise(product).equals("jira-service-management") || version == null) {
      return false;
    }
    return compare(version, MULTI_CHANNEL_BETA_FROM) >= 0
        && supports(product, version, Feature.MULTI_CHANNEL).map(v -> !v.supported()).orElse(false);
  }

  /** A verdict on one feature. */
  public record Verdict(boolean supported, Rule rule) {}

  static String normalise(String product) {
    String p = product == null ? "" : product.trim().toLowerCase(Locale.ROOT).replace(' ', '-');
    switch (p) {
      case "jsm": case "servicedesk": case "service-desk": case "jira-servicedesk": case "jira-service-desk":
        return "jira-service-management";
      case "jira-software": case "jira-core":
        return "jira";
      default:
        return p;
    }
  }

  private static boolean sameLine(String version, String line) {
    return version.equals(line) || version.startsWith(line + ".");
  }

  /** Compares dotted numeric versions; a non-numeric part counts as 0. */
  static int compare(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int d = Integer.compare(num(x, i), num(y, i));
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  private static int num(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
