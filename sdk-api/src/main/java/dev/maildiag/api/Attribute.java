package dev.maildiag.api;

import java.util.Objects;

/**
 * A typed key for a caller's own value in a {@link DiagnosticContext}, for checks that callers add.
 *
 * @param <T> the value's type
 */
public final class Attribute<T> {
  private final String name;
  private final Class<T> type;

  private Attribute(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  public static <T> Attribute<T> of(String name, Class<T> type) {
    return new Attribute<>(name, type);
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
