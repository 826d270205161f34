package dev.maildiag.api.internal.net;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.util.Locale;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, finishing the SASL error exchange of RFC 7628 / Google's XOAUTH2: a server that
 * refuses the token answers {@code 334 <base64 error JSON>} and gives its final answer ({@code 535 5.7.8 ...})
 * only after the client's empty reply. Angus drops the connection at the 334 instead, so the refusal would be
 * quoted as the challenge; this sends the empty reply so the final answer is the one reported.
 */
public class SaslErrorExchangeSmtpTransport extends SMTPTransport {
  private static final int CONTINUE = 334;

  public SaslErrorExchangeSmtpTransport(Session session, URLName url) {
    super(session, url, url.getProtocol(), "smtps".equals(url.getProtocol()));
  }

  @Override
  public synchronized int simpleCommand(String cmd) throws MessagingException {
    int code = super.simpleCommand(cmd);
    if (code == CONTINUE && cmd.toUpperCase(Locale.ROOT).startsWith("AUTH XOAUTH2 ")) {
      // the initial response carried the token: a continuation now can only be the error challenge
      return super.simpleCommand("");
    }
    return code;
  }
}
