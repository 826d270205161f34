package dev.maildiag.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"maildiag " + (v == null ? "development build" : v), "Java " + System.getProperty("java.version")};
  }
}
