package dev.maildiag.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A client secret, password, access or refresh token. Its text is only handed out by {@link #reveal()};
 * {@code toString()}, its JSON form and everything built from it show {@value #REDACTED}.
 */
public final class Secret {
  /** What a secret looks like wherever it is printed. */
  public static final String REDACTED = "[redacted]";

  private final char[] value;

  private Secret(String value) {
    this.value = value.toCharArray();
  }

  /**
   * Wraps {@code value}.
   *
   * @throws NullPointerException when {@code value} is null
   * @throws IllegalArgumentException when {@code value} is empty
   * @see #ofNullable(String) for a setting that may be absent
   * @param value the secret text
   * @return the secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "a secret's text is null; for a setting that may be absent use Secret.ofNullable");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret's text is empty; for a setting that may be absent use Secret.ofNullable");
    }
    return new Secret(value);
  }

  /**
   * Wraps {@code value}, or gives null when it is null or empty, for a setting that may be absent (an unset
   * environment variable, an empty form field): the context builders take null as "not set".
   *
   * @param value the secret text, or null or empty when not set
   * @return the secret, or null
   */
  public static Secret ofNullable(String value) {
    return value == null || value.isEmpty() ? null : new Secret(value);
  }

  /**
   * The secret text, for the one place that sends it (a token request, a SASL response).
   *
   * @return the secret text; never log, show or store it
   */
  public String reveal() {
    return new String(value);
  }

  /**
   * Length of the secret, which is safe to show (a truncated paste is a common mistake).
   *
   * @return the number of characters
   */
  public int length() {
    return value.length;
  }

  @JsonValue
  @Override
  public String toString() {
    return REDACTED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s
        && MessageDigest.isEqual(
            reveal().getBytes(StandardCharsets.UTF_8), s.reveal().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Objects.hash(value.length);
  }
}
