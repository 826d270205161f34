package dev.maildiag.api;

import java.util.Objects;

/**
 * A typed key for something one check learns and a later check uses (an access token, the server's
 * capabilities, decoded token claims).
 *
 * @param <T> the value's type
 */
public final class Fact<T> {
  private final String name;
  private final Class<T> type;

  private Fact(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static <T> Fact<T> of(String name, Class<T> type) {
    return new Fact<>(name, type);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return name;
  }
}
