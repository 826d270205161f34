package dev.maildiag.api.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one diagnosis holds open: resources it owns until it ends, and resources one check hands on to a later
 * one (the mail connection going from TCP to TLS to greeting to login), which it owns too. Shared by the check
 * contexts of one diagnosis; closed once, when the diagnosis ends, whatever happened. Resources must tolerate
 * being closed twice (by their user, then by the diagnosis).
 */
final class RunResources implements AutoCloseable {
  private final Deque<AutoCloseable> owned = new ArrayDeque<>();
  private final Map<Key<?>, AutoCloseable> held = new HashMap<>();
  private boolean closed;

  <T extends AutoCloseable> T own(T resource) {
    boolean late;
    synchronized (this) {
      late = closed;
      if (!late) {
        owned.push(resource);
      }
    }
    if (late) {
      quietly(resource); // a check that outlived its diagnosis: nothing may stay open after the end
    }
    return resource;
  }

  <T extends AutoCloseable> void handOn(Key<T> key, T resource) {
    AutoCloseable replaced;
    boolean late;
    synchronized (this) {
      late = closed;
      replaced = late ? null : held.put(key, key.type().cast(resource));
      if (!late && owned.stream().noneMatch(o -> o == resource)) {
        owned.push(resource); // owned to the end, also once taken: a taker that fails to close it leaks nothing
      }
    }
    if (late) {
      quietly(resource);
    }
    if (replaced != null && replaced != resource) {
      quietly(replaced);
    }
  }

  synchronized <T extends AutoCloseable> Optional<T> take(Key<T> key) {
    return Optional.ofNullable(key.type().cast(held.remove(key)));
  }

  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      held.clear(); // everything held is owned too
      all.addAll(owned); // last owned first
      owned.clear();
    }
    all.forEach(RunResources::quietly);
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort: the diagnosis is over, and a resource that fails to close has nothing more to tell
    }
  }
}
