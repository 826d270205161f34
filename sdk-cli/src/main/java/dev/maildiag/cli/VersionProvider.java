package dev.maildiag.cli;

import picocli.CommandLine;

/** Hands picocli the version lines ({@code maildiag --version} itself answers without picocli: see Main). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return Version.lines().toArray(String[]::new);
  }
}
