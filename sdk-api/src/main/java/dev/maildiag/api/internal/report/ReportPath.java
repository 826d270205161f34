package dev.maildiag.api.internal.report;

import dev.maildiag.api.Finding;
import dev.maildiag.api.Report;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.CheckInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The path from configuration to mailbox as the steps a person recognises (DNS, TCP, proxy, TLS, greeting,
 * sign-in, XOAUTH2, session, folder, cluster), each with the findings of the checks that look at it and a
 * status, so that a picture of the path can show where it breaks.
 */
public final class ReportPath {
  /** A step of the path, in path order. */
  public enum Step {
    CONFIG("Configuration"),
    DNS("DNS"),
    TCP("TCP"),
    PROXY("Proxy"),
    TLS("TLS"),
    GREETING("Greeting"),
    SIGN_IN("Sign-in / token"),
    XOAUTH2("XOAUTH2"),
    SESSION("Session"),
    FOLDER("Folder"),
    CLUSTER("Cluster");

    private final String title;

    Step(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    /** Lower-case id used in HTML attributes and tests. */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** How a step went: the colour it is drawn in. */
  public enum Status {
    OK("ok", "passed", "\u2714"),
    WARNING("warning", "warning", "!"),
    FAILED("failed", "failed", "\u2716"),
    SKIPPED("skipped", "skipped", "\u2013"),
    NOT_CHECKED("not-checked", "not checked", "\u25cb");

    private final String id;
    private final String words;
    private final String symbol;

    Status(String id, String words, String symbol) {
      this.id = id;
      this.words = words;
      this.symbol = symbol;
    }

    /** A mark that tells the status without colour. */
    public String symbol() {
      return symbol;
    }

    public String id() {
      return id;
    }

    public String words() {
      return words;
    }
  }

  /**
   * One step with its findings.
   *
   * @param step which step
   * @param status worst result among its findings (skipped only when every check of it was skipped)
   * @param findings the findings of the checks that look at this step, in report order
   * @param firstBroken true for the first failed step on the path: where to look first
   */
  public record PathStep(Step step, Status status, List<Finding> findings, boolean firstBroken) {
    public PathStep {
      findings = List.copyOf(findings);
    }
  }

  private ReportPath() {}

  /**
   * The steps of a report's path. {@code checks} tells each check's stage (from the plan that ran); a check
   * missing there is placed by its id's first word. The cluster step is left out when no check looked at it.
   */
  public static List<PathStep> of(Report report, Map<String, CheckInfo> checks) {
    Map<Step, List<Finding>> byStep = new EnumMap<>(Step.class);
    for (Finding f : report.findings()) {
      byStep.computeIfAbsent(step(f.checkId(), stage(f.checkId(), checks)), s -> new ArrayList<>()).add(f);
    }
    List<PathStep> path = new ArrayList<>();
    boolean broken = false;
    for (Step step : Step.values()) {
      List<Finding> findings = byStep.getOrDefault(step, List.of());
      if (step == Step.CLUSTER && findings.isEmpty()) {
        continue;
      }
      Status status = status(findings);
      boolean first = !broken && status == Status.FAILED;
      broken |= first;
      path.add(new PathStep(step, status, findings, first));
    }
    return path;
  }

  /** The first failed step, if any. */
  public static Optional<PathStep> firstBroken(List<PathStep> path) {
    return path.stream().filter(PathStep::firstBroken).findFirst();
  }

  static Stage stage(String checkId, Map<String, CheckInfo> checks) {
    CheckInfo info = checks.get(checkId);
    if (info != null) {
      return info.stage();
    }
    String first = checkId.split("[.]", 2)[0];
    if (first.equals("sign-in")) {
      return Stage.OAUTH; // the interactive sign-in's steps (SignIn) are the OAuth stage's
    }
    for (Stage s : Stage.values()) {
      if (s.label().equals(first)) {
        return s;
      }
    }
    return Stage.CONFIG;
  }

  /** Which step a check looks at: its stage, refined by what the check's id says within the stage. */
  static Step step(String checkId, Stage stage) {
    String name = checkId.substring(checkId.lastIndexOf('.') + 1);
    switch (stage) {
      case NETWORK:
        if (name.equals("dns")) {
          return Step.DNS;
        }
        if (name.equals("proxy")) {
          return Step.PROXY;
        }
        // reaching the identity host is part of getting a token
        return name.equals("identity") ? Step.SIGN_IN : Step.TCP;
      case TLS:
        return Step.TLS;
      case PROTOCOL:
        return name.equals("greeting") ? Step.GREETING : Step.SESSION;
      case OAUTH:
        // the mail server's side of signing in: XOAUTH2, the same token on other protocols, a password
        return name.equals("xoauth2") || name.equals("other-protocols") || name.equals("basic-auth") ? Step.XOAUTH2 : Step.SIGN_IN;
      case MAILBOX:
        return Step.FOLDER;
      case CLUSTER:
        return Step.CLUSTER;
      default:
        return Step.CONFIG;
    }
  }

  static Status status(List<Finding> findings) {
    if (findings.isEmpty()) {
      return Status.NOT_CHECKED;
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      return Status.FAILED;
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
      return Status.WARNING;
    }
    return findings.stream().allMatch(f -> f.severity() == Severity.SKIPPED) ? Status.SKIPPED : Status.OK;
  }
}
