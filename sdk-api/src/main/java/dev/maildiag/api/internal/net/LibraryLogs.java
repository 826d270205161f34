package dev.maildiag.api.internal.net;

import dev.maildiag.api.internal.Redactor;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Angus Mail logs every protocol line it sends and receives to java.util.logging (at FINE and FINEST),
 * whatever maildiag does with its own trace: a server that echoes a token would have it in the host
 * product's log as soon as someone turns mail logging up. Each of its loggers gets a filter that passes
 * the record through the diagnosis' redaction (the check's, on the thread that logs) before any handler
 * sees it, and drops the stack trace's messages into redacted text.
 */
public final class LibraryLogs {
  /** Angus Mail's and Jakarta Mail's logger names (java.util.logging has no filter inheritance). */
  private static final List<String> NAMES = List.of("jakarta.mail", "org.eclipse.angus.mail",
      "org.eclipse.angus.mail.imap", "org.eclipse.angus.mail.imap.protocol", "org.eclipse.angus.mail.imap.connectionpool",
      "org.eclipse.angus.mail.imap.messagecache", "org.eclipse.angus.mail.iap", "org.eclipse.angus.mail.iap.protocol",
      "org.eclipse.angus.mail.pop3", "org.eclipse.angus.mail.pop3.protocol", "org.eclipse.angus.mail.smtp",
      "org.eclipse.angus.mail.smtp.protocol", "org.eclipse.angus.mail.util", "org.eclipse.angus.mail.util.socket",
      "org.eclipse.angus.mail.auth", "org.eclipse.angus.mail.handlers",
      // Angus names a store's logger after the store's package: maildiag's strict IMAP stores live here
      LibraryLogs.class.getPackageName(), LibraryLogs.class.getPackageName() + ".protocol",
      LibraryLogs.class.getPackageName() + ".connectionpool", LibraryLogs.class.getPackageName() + ".messagecache");
  /** Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its filter. */
  private static final List<Logger> GUARDED = guarded();

  // a loop, not a method reference: Logger::getLogger is caller-sensitive, and a lambda bound to such a method has
  // the JVM generate an invoker class at run time that no class-data archive keeps (several ms of every live check)
  private static List<Logger> guarded() {
    Filter redacting = LibraryLogs::redact;
    List<Logger> loggers = new ArrayList<>(NAMES.size());
    for (String name : NAMES) {
      Logger logger = Logger.getLogger(name);
      logger.setFilter(redacting);
      loggers.add(logger);
    }
    return List.copyOf(loggers);
  }

  private LibraryLogs() {}

  /** Makes sure the filters are in place (class initialisation does it once). */
  public static void guard() {
    // the static initialiser did the work
  }

  private static boolean redact(LogRecord record) {
    Redactor r = Redactor.current();
    String message = record.getMessage();
    Object[] parameters = record.getParameters();
    if (message != null && parameters != null && parameters.length > 0) {
      try {
        message = MessageFormat.format(message, parameters);
      } catch (IllegalArgumentException e) {
        // not a pattern: the message as it is
      }
    }
    StringBuilder text = new StringBuilder(message == null ? "" : message);
    if (record.getThrown() != null) {
      text.append(" (").append(r.describe(record.getThrown())).append(')');
      record.setThrown(null);
    }
    record.setParameters(null);
    record.setMessage(r.redact(text.toString()));
    return true;
  }
}
