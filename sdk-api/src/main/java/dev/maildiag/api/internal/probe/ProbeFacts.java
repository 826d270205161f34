package dev.maildiag.api.internal.probe;

import dev.maildiag.api.spi.Key;

/** What the live probes learn and share with later checks (provider modules may read them too). */
public final class ProbeFacts {
  /** The greeting and capabilities the mail server announced (after TLS, where TLS is used). */
  public static final Key<ServerCapabilities> CAPABILITIES = Key.of("mailCapabilities", ServerCapabilities.class);

  /** For POP3: true when the server accepted the two-line XOAUTH2 form and refused the one-line form. */
  public static final Key<Boolean> POP3_TWO_LINE = Key.of("pop3TwoLine", Boolean.class);


  private ProbeFacts() {}
}
