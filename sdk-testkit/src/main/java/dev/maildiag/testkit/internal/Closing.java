package dev.maildiag.testkit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collection;

/** Closing what a test server opened, when a failure to close changes nothing. Not API: may change. */
public final class Closing {
  private Closing() {}

  /** Closes each, ignoring nulls and failures: the server is stopping either way. */
  public static void quietly(Closeable... closeables) {
    for (Closeable c : closeables) {
      quietly(c);
    }
  }

  /** Closes a listener and every connection it accepted. */
  public static void all(Closeable listener, Collection<? extends Closeable> accepted) {
    quietly(listener);
    accepted.forEach(Closing::quietly);
  }

  private static void quietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // stopping anyway
    }
  }
}
