package dev.maildiag.api.internal.net;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * An IMAP store that refuses to log in unless the server advertises {@code AUTH=XOAUTH2}. Angus otherwise
 * falls back to {@code LOGIN user <token>}, sending the access token as a password in clear protocol text.
 */
public class StrictImapStore extends IMAPStore {
  public StrictImapStore(Session session, URLName url) {
    super(session, url, "imap", false);
  }

  @Override
  protected void preLogin(IMAPProtocol p) throws ProtocolException {
    requireXoauth2(p);
  }

  static void requireXoauth2(IMAPProtocol p) throws ProtocolException {
    if (!p.hasCapability("AUTH=XOAUTH2")) {
      throw new ProtocolException(MailSessions.NO_XOAUTH2);
    }
  }
}
