package dev.maildiag.api.internal.net;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPSSLStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/** {@link StrictImapStore} for implicit TLS ({@code imaps}). */
public class StrictImapSslStore extends IMAPSSLStore {
  public StrictImapSslStore(Session session, URLName url) {
    super(session, url);
  }

  @Override
  protected void preLogin(IMAPProtocol p) throws ProtocolException {
    StrictImapStore.requireXoauth2(p);
  }
}
