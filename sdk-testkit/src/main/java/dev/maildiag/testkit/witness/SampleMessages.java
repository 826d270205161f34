package dev.maildiag.testkit.witness;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** A few messages with mixed flags in a simulated INBOX, so that a read-only proof has something to protect. */
public final class SampleMessages {
  private SampleMessages() {}

  /** Appends {@code count} messages to the user's INBOX: the first one \Seen, the second \Flagged, the rest unread. */
  public static void fill(GreenMail greenMail, GreenMailUser user, int count) {
    try {
      var inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
      Session session = Session.getInstance(new Properties());
      for (int i = 0; i < count; i++) {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("customer" + i + "@example.test"));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, user.getEmail());
        m.setSubject("Support request " + i);
        m.setText("My printer is on fire (" + i + ").");
        m.saveChanges();
        Flags flags = new Flags();
        if (i == 0) {
          flags.add(Flags.Flag.SEEN);
        } else if (i == 1) {
          flags.add(Flags.Flag.FLAGGED);
        }
        inbox.appendMessage(m, flags, new Date());
      }
    } catch (FolderException | MessagingException e) {
      throw new IllegalStateException("cannot fill the simulated mailbox", e);
    }
  }
}
