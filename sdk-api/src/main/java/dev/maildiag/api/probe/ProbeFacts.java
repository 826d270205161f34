package dev.maildiag.api.probe;

import dev.maildiag.api.Fact;

/** What the live probes learn and share with later checks (provider modules may read them too). */
public final class ProbeFacts {
  /** The greeting and capabilities the mail server announced (after TLS, where TLS is used). */
  public static final Fact<ServerCapabilities> CAPABILITIES = Fact.of("mailCapabilities", ServerCapabilities.class);

  /** For POP3: true when the server accepted the two-line XOAUTH2 form and refused the one-line form. */
  public static final Fact<Boolean> POP3_TWO_LINE = Fact.of("pop3TwoLine", Boolean.class);

  /**
   * Whether the mail server accepted the token over the configured protocol: true after a login, false after
   * a refusal; absent when no answer came (so later checks need not log in again to know).
   */
  public static final Fact<Boolean> AUTHENTICATED = Fact.of("mailAuthenticated", Boolean.class);

  /** The top-level folder names the server listed after authentication. */
  public static final Fact<FolderNames> FOLDERS = Fact.of("mailFolders", FolderNames.class);

  private ProbeFacts() {}
}
