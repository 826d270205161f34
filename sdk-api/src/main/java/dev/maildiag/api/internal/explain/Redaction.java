package dev.maildiag.api.internal.explain;

import dev.maildiag.api.internal.Redactor;

/**
 * Blanks out what looks like a secret in a text the user handed over (a log line, a HAR value) before any
 * of it is quoted back. The one redaction of maildiag, {@link Redactor}, with no secret known beforehand:
 * bearer and basic credentials, JWTs, XOAUTH2 payloads, URL user-info, and the values of token, code,
 * secret and password parameters (also quoted, URL-encoded or separated by a space).
 */
public final class Redaction {
  public static final String MARK = Redactor.MARK;

  private Redaction() {}

  /** The text with every secret-looking value replaced by {@value #MARK}. */
  public static String redact(String text) {
    return Redactor.shapes().redact(text);
  }
}
