package dev.maildiag.api.internal.probe;

import dev.maildiag.api.DiagnosticContext.MailServer;
import dev.maildiag.api.DiagnosticContext.MailboxLimits;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Secret;
import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.Durations;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The configured folder exists under the name the server really uses, opens read-only (IMAP {@code EXAMINE},
 * POP3 {@code STAT}), and is not flooded. The count comes from the server's EXISTS/STAT answer: no message is
 * fetched, so the cost does not grow with the mailbox. Nothing is marked, moved or deleted.
 */
public final class MailboxFolder implements Check {
  public static final String ID = "mailbox.folder";

  /** Names of the inbox in localized mailboxes, to recognise one among the server's folders. */
  private static final Set<String> LOCALIZED_INBOX = Set.of("posteingang", "boîte de réception", "bandeja de entrada",
      "posta in arrivo", "caixa de entrada", "postvak in", "inkorgen", "indbakke", "innboks", "saapuneet", "skrzynka odbiorcza",
      "doručená pošta", "beérkezett üzenetek", "входящие", "gelen kutusu", "受信トレイ", "收件箱", "받은 편지함");

  @Override
  public CheckInfo info() {
    return CheckInfo.of(ID, Stage.MAILBOX, "Folder exists, opens read-only and is not flooded")
        .finds(RootCause.INBOX_FOLDER_MISSING, RootCause.INBOX_FLOODED)
        .requires(SessionServes.ID);
  }

  @Override
  public boolean appliesTo(DiagnosticContext context) {
    return Probes.hasMailServer(context) && context.server().protocol() != Protocol.SMTP;
  }

  @Override
  public Finding run(CheckContext ctx) throws MessagingException, InterruptedException {
    Secret token = MailLogin.token(ctx);
    if (token == null) {
      return Finding.skipped("No access token").build();
    }
    MailServer s = ctx.context().server();
    MailLogin shared = MailLogin.take(ctx);
    try (MailLogin login = shared != null ? shared : MailLogin.prepare(ctx, token, MailLogin.pop3TwoLine(ctx))) {
      try {
        if (shared == null) {
          login.connect();
        }
        Store store = (Store) login.service;
        return s.protocol() == Protocol.IMAP ? imap(ctx, store, s.folder()) : pop3(ctx, login, s.folder());
      } catch (MessagingException e) {
        return MailFailure.describe(ctx, login, e, Stage.MAILBOX, "folder check").build();
      }
    }
  }

  private Finding imap(CheckContext ctx, Store store, String name) throws MessagingException, InterruptedException {
    Folder folder = store.getFolder(name);
    try {
      // EXAMINE: the server answers with EXISTS; nothing is fetched or marked. Angus looks the folder up first
      // where it must (LIST; not for INBOX, which always exists), so no separate existence check is needed
      folder.open(Folder.READ_ONLY);
    } catch (FolderNotFoundException e) {
      return missing(store, name);
    }
    try {
      if (folder.getMode() != Folder.READ_ONLY) {
        throw new IllegalStateException("folder did not open read-only");
      }
      int count = folder.getMessageCount();
      Integer later = null;
      Duration window = window(ctx);
      if (!window.isZero()) {
        Thread.sleep(window.toMillis());
        ((IMAPFolder) folder).doCommand(p -> {
          p.noop(); // the server reports new EXISTS in answer to NOOP
          return null;
        });
        later = folder.getMessageCount();
      }
      return counted(ctx, folder.getFullName(), "EXAMINE", count, later, window);
    } finally {
      folder.close(false);
    }
  }

  private Finding pop3(CheckContext ctx, MailLogin login, String name) throws MessagingException, InterruptedException {
    Folder inbox = login.openInbox;
    if (inbox == null || !inbox.isOpen()) {
      inbox = ((Store) login.service).getFolder("INBOX");
      inbox.open(Folder.READ_ONLY); // STAT
    } // else the session check's STAT, on the same login
    login.openInbox = null;
    int count = inbox.getMessageCount();
    inbox.close(false); // QUIT without DELE: nothing was marked
    Integer later = null;
    Duration window = window(ctx);
    if (!window.isZero()) {
      Thread.sleep(window.toMillis());
      // a POP3 count is fixed for a session: a second count needs a second login, on a connection of its own
      try (MailLogin again = MailLogin.prepare(ctx, login.secret(), MailLogin.pop3TwoLine(ctx))) {
        again.connect();
        Folder second = ((Store) again.service).getFolder("INBOX");
        second.open(Folder.READ_ONLY);
        later = second.getMessageCount();
        second.close(false);
      }
    }
    Finding counted = counted(ctx, "INBOX", "STAT", count, later, window);
    if (!name.equalsIgnoreCase("INBOX") && counted.severity() == dev.maildiag.api.Severity.OK) {
      return Finding.warning("POP3 has only INBOX; the configured folder '" + name + "' is ignored")
          .rootCause(RootCause.INBOX_FOLDER_MISSING, 0.5)
          .detail("POP3 gives access to the inbox only. Use IMAP to read another folder.")
          .evidence("messages", count)
          .build();
    }
    return counted;
  }

  private static Duration window(CheckContext ctx) {
    Duration wanted = ctx.context().mailboxLimits().growthSampleWindow();
    Duration most = ctx.timeouts().check().dividedBy(2);
    return wanted.compareTo(most) <= 0 ? wanted : most;
  }

  private static Finding counted(CheckContext ctx, String folder, String how, int count, Integer later, Duration window) {
    MailboxLimits limits = ctx.context().mailboxLimits();
    Finding.Builder b;
    double perMinute = later == null || window.isZero() ? 0 : (later - count) * 60_000.0 / window.toMillis();
    if (count > limits.floodThreshold()) {
      b = Finding.warning("Folder " + folder + " holds " + count + " messages (more than " + limits.floodThreshold() + ")")
          .rootCause(RootCause.INBOX_FLOODED, 0.8)
          .detail("A very large folder makes a mail handler's connection test and polling slow enough to time out.");
    } else if (later != null && perMinute > limits.growthPerMinuteThreshold()) {
      b = Finding.warning("Folder " + folder + " grows by about " + Math.round(perMinute) + " messages a minute")
          .rootCause(RootCause.INBOX_FLOODED, 0.75)
          .detail("Mail arrives faster than a handler polling it usually keeps up with (a loop or bounce storm?).");
    } else {
      b = Finding.ok("Folder " + folder + " opened read-only (" + how + "): " + count + " messages");
    }
    b.evidence("folder", folder).evidence("messages", count).evidence("openedWith", how + " (read-only)");
    if (later != null) {
      b.evidence("messagesAfter" + Durations.format(window).replace(" ", ""), later);
    }
    return b.build();
  }

  private static Finding missing(Store store, String name) throws MessagingException {
    Folder[] top = store.getDefaultFolder().list("%");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < top.length && i < FolderNames.MAX; i++) {
      names.add(top[i].getFullName());
    }
    List<String> likely = new ArrayList<>();
    for (String n : names) {
      String l = n.toLowerCase(Locale.ROOT);
      if (l.equalsIgnoreCase(name) || l.contains("inbox") || LOCALIZED_INBOX.contains(l)) {
        likely.add(n);
      }
    }
    Finding.Builder b = Finding.error("There is no folder '" + name + "' in this mailbox")
        .rootCause(RootCause.INBOX_FOLDER_MISSING, 0.9)
        .detail("The server lists these top-level folders: " + Printable.of(String.join(", ", names))
            + ". Mailboxes in other languages may name the inbox differently.")
        .evidence("configuredFolder", name)
        .evidence("serverFolders", Printable.of(String.join(", ", names)));
    if (!likely.isEmpty()) {
      b.step("Configure the folder as the server names it: " + String.join(" or ", likely) + ".");
    }
    return b.step("Or create a folder named '" + name + "' in the mailbox.").build();
  }

  @Override
  public Finding timedOut(CheckContext ctx, Duration limit) {
    return Finding.error("The folder check did not finish within " + Durations.format(limit))
        .rootCause(RootCause.INBOX_FLOODED, 0.4)
        .detail("Opening the folder read-only took too long; very large folders make servers slow to answer.")
        .build();
  }
}
