package dev.maildiag.bench;

import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Protocol;
import dev.maildiag.api.Severity;
import dev.maildiag.api.internal.probe.MailboxFolder;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.testkit.mail.LocalMailbox;
import java.util.List;
import java.util.Locale;

/**
 * Figure 4: the mailbox check (`mailbox.folder`: login, EXAMINE, message count, close) against a GreenMail
 * INBOX of 10 and of 50,000 messages. The count comes from EXISTS and nothing is fetched, so the cost must not
 * grow with the mailbox.
 */
final class MailboxFigure {
  static final int SMALL = 10;
  static final int LARGE = 50_000;

  /** Issue 7's target: the check costs at most 20% more on a mailbox 5,000 times larger. */
  static final double TARGET = 1.2;

  static Figure run(int repetitions) throws Exception {
    Figure f = new Figure("4. Mailbox check at " + SMALL + " vs " + String.format(Locale.ROOT, "%,d", LARGE) + " messages (IMAP and POP3, GreenMail)");
    long t0 = System.nanoTime();
    try (LocalMailbox small = LocalMailbox.start().fill(SMALL); LocalMailbox large = LocalMailbox.start().fill(LARGE)) {
      double fillSeconds = (System.nanoTime() - t0) / 1e9;
      for (Protocol protocol : List.of(Protocol.IMAP, Protocol.POP3)) {
        DiagnosticContext a = small.context(protocol);
        DiagnosticContext b = large.context(protocol);
        Finding check = check(b);
        if (check.severity() == Severity.ERROR) {
          f.row(protocol.label() + ": " + LARGE + " / " + SMALL, "check failed: " + check.summary(), "<= " + TARGET + "x", null);
          continue;
        }
        List<List<Double>> t = Timing.sideBySide(5, repetitions, () -> check(a), () -> check(b));
        Stats ratio = Stats.ratios(t.get(1), t.get(0));
        // the same growth for a bare client (connect, XOAUTH2, open read-only, count) is the server's share
        BareClient bareSmall = new BareClient(a, false);
        BareClient bareLarge = new BareClient(b, false);
        List<List<Double>> bare = Timing.sideBySide(5, repetitions, bareSmall::run, bareLarge::run);
        Stats bareRatio = Stats.ratios(bare.get(1), bare.get(0));
        f.row(protocol.label() + ": time at " + String.format(Locale.ROOT, "%,d", LARGE) + " / time at " + SMALL, ratio.describe(2, "x"),
                "<= " + TARGET + "x", ratio.median() <= TARGET)
            .row(protocol.label() + ": the same for a bare Angus client (reference: the server's share)", bareRatio.describe(2, "x"),
                "reference", null)
            .note(String.format(Locale.ROOT, "%s: %d messages %s, %d messages %s. The large check said: \"%s\" (the default flood "
                    + "threshold is 10,000, so it is a WARNING; the time is what matters here).",
                protocol.label(), SMALL, new Stats(t.get(0)).describe(1, " ms"), LARGE, new Stats(t.get(1)).describe(1, " ms"),
                check.summary()));
      }
      f.note(String.format(Locale.ROOT, "Filling both mailboxes took %.1f s (not measured). Each repetition is a whole "
          + "check: connect, XOAUTH2, EXAMINE or STAT, count, close; loopback, plain text. maildiag sends the same commands "
          + "whatever the size and fetches nothing; what grows is the server's own work: a POP3 STAT answer carries the "
          + "maildrop's total size (RFC 1939), which GreenMail adds up over every message on each STAT.", fillSeconds));
    }
    return f;
  }

  private static Finding check(DiagnosticContext context) throws Exception {
    return new MailboxFolder().run(CheckContext.standalone(context));
  }

  private MailboxFigure() {}
}
