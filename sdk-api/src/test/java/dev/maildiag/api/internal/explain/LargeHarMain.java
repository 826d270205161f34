package dev.maildiag.api.internal.explain;

import java.nio.file.Path;

/** Run in a JVM with a small heap by {@link HarAnalyzerTest}: prints what the analysis found. */
public final class LargeHarMain {
  public static void main(String[] args) throws Exception {
    HarReport report = HarAnalyzer.analyze(Path.of(args[0]));
    System.out.println("entries=" + report.entries() + " switches=" + report.switches().size()
        + " cause=" + (report.candidates().isEmpty() ? "none" : report.candidates().get(0).rootCause()));
  }
}
