package dev.maildiag.api.internal.probe;

import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.Key;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands one authenticated mail session from check to check (authentication, then the session command, then
 * the mailbox), so that a diagnosis logs in once, as the handler would, instead of once per check. A session
 * nobody takes is closed after a short idle time, so a check left out of the run cannot leak it.
 */
final class SharedSession {
  private static final Key<SharedSession> FACT = Key.of("sharedMailSession", SharedSession.class);
  /** No core thread, and cancelled timers leave the queue: the thread exists only while a session waits. */
  private static final ScheduledThreadPoolExecutor IDLE = new ScheduledThreadPoolExecutor(0, r -> {
    Thread t = new Thread(r, "maildiag-idle-mail-session");
    t.setDaemon(true);
    return t;
  });

  static {
    IDLE.setRemoveOnCancelPolicy(true);
  }

  private final AtomicReference<MailLogin> login = new AtomicReference<>();
  private volatile ScheduledFuture<?> idleClose;

  private SharedSession() {}

  /** Leaves a connected login for the next check of this diagnosis. */
  static void offer(CheckContext ctx, MailLogin connected) {
    SharedSession shared = ctx.facts().get(FACT).orElse(null);
    if (shared == null) {
      shared = new SharedSession();
      ctx.facts().put(FACT, shared);
    }
    MailLogin previous = shared.login.getAndSet(connected);
    if (previous != null && previous != connected) {
      previous.closeInBackground();
    }
    long idleMillis = ctx.timeouts().check().toMillis() + 1_000;
    SharedSession self = shared;
    shared.idleClose = IDLE.schedule(() -> {
      MailLogin left = self.login.getAndSet(null);
      if (left != null) {
        left.closeInBackground();
      }
    }, idleMillis, TimeUnit.MILLISECONDS);
  }

  /** The login an earlier check left, now owned by the caller (and guarded by its time limit); or null. */
  static MailLogin take(CheckContext ctx) {
    SharedSession shared = ctx.facts().get(FACT).orElse(null);
    if (shared == null) {
      return null;
    }
    MailLogin taken = shared.login.getAndSet(null);
    ScheduledFuture<?> idle = shared.idleClose;
    if (idle != null) {
      idle.cancel(false);
    }
    if (taken == null || !taken.service.isConnected()) {
      if (taken != null) {
        taken.closeInBackground();
      }
      return null;
    }
    return taken.guardedBy(ctx);
  }
}
