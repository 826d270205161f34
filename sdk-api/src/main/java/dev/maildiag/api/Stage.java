package dev.maildiag.api;

/** The part of the path from configuration to mailbox that a check looks at, in path order. */
public enum Stage {
  /**
   * The settings alone, offline: a CONFIG check computes and never waits on the network, because offline
   * diagnoses ({@code Maildiag.preflight}, or a plan of CONFIG checks only) run on the caller's thread with no
   * time limit.
   */
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
