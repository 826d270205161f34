package dev.maildiag.api;

/** The part of the path from configuration to mailbox that a check looks at, in path order. */
public enum Stage {
  CONFIG,
  NETWORK,
  TLS,
  PROTOCOL,
  OAUTH,
  MAILBOX,
  CLUSTER;

  /** Lower-case name used in reports and on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
