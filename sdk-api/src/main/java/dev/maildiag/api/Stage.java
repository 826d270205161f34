package dev.maildiag.api;

/** The part of the path from configuration to mailbox that a check looks at, in path order. */
public enum Stage {
  /**
   * The settings alone, offline: a CONFIG check computes and never waits on the network, because offline
   * diagnoses ({@code Maildiag.preflight}, or a plan of CONFIG checks only) run on the caller's thread with no
   * time limit.
   */
  CONFIG,
  /**
   * Name resolution, TCP, proxies, and whether the identity host answers.
   */
  NETWORK,
  /**
   * The TLS handshake and the server's certificate.
   */
  TLS,
  /**
   * The mail protocol: greeting, capabilities, the authenticated session.
   */
  PROTOCOL,
  /**
   * Tokens: the token endpoint, the token's claims, the XOAUTH2 login.
   */
  OAUTH,
  /**
   * The mailbox and folder read.
   */
  MAILBOX,
  /**
   * The host product's cluster behind its load balancer.
   */
  CLUSTER;

  /**
   * Lower-case name used in reports and on the command line.
   *
   * @return e.g. {@code config}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
