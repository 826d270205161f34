package dev.maildiag.api.spi;

import java.util.Objects;

/**
 * A typed key: for something one check learns and a later check uses (an access token, the server's
 * capabilities, decoded token claims) in {@link Facts}, and for an add-on's own value in a
 * {@link dev.maildiag.api.DiagnosticContext} ({@code DiagnosticContext.Builder#attribute}).
 *
 * @param <T> the value's type
 */
public final class Key<T> {
  private final String name;
  private final Class<T> type;

  private Key(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  /**
   * A new key. Keys are equal only to themselves: keep one in a constant and share it.
   *
   * @param name a name for logs, e.g. {@code acme.pollingInterval}
   * @param type the value's type
   * @param <T> the value's type
   * @return the key
   */
  public static <T> Key<T> of(String name, Class<T> type) {
    return new Key<>(name, type);
  }

  /**
   * The key's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The type of the key's values.
   *
   * @return the type
   */
  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return name;
  }
}
