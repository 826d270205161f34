package dev.maildiag.cli;

import java.util.List;

/** The version lines, read from what Maven wrote into the jar; needs nothing but the JDK. */
final class Version {
  private Version() {}

  static List<String> lines() {
    String v = Version.class.getPackage().getImplementationVersion();
    return List.of("maildiag " + (v == null ? "development build" : v), "Java " + System.getProperty("java.version"));
  }
}
