package dev.maildiag.api.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first; a maker that throws is asked again next time.
 * Catalogs, their indexes and a runner's interpreters are made this way, so that a command that never needs them
 * (an offline check) never pays for them.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> maker;
  private volatile T value;

  private Lazy(Supplier<? extends T> maker) {
    this.maker = Objects.requireNonNull(maker, "maker");
  }

  /** The value {@code maker} makes, when first asked for. */
  public static <T> Lazy<T> of(Supplier<? extends T> maker) {
    return new Lazy<>(maker);
  }

  /** Whether the value has been made. */
  public boolean made() {
    return value != null;
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = Objects.requireNonNull(maker.get(), "made");
          value = made;
        }
      }
    }
    return made;
  }
}
