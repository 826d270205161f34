package dev.maildiag.testkit.microsoft;

import dev.maildiag.testkit.mail.MockMailServer;
import dev.maildiag.testkit.tls.TestCertificates;
import dev.maildiag.api.Protocol;

/**
 * Exchange Online's exact answers, scripted on a {@link MockMailServer} with TLS from the test CA. Texts
 * from Microsoft's OAuth for IMAP/POP/SMTP page (success and failure exchanges), Exchange's SMTP
 * {@code 5.7.139} (aka.ms/smtp_auth_disabled; the basic-auth variant per "Deprecation of Basic authentication in
 * Exchange Online", learn.microsoft.com) and the public reports in maildiag's corpus.
 */
final class ExchangeAnswersScript {
  static final String IMAP_AUTH_FAILED = "{tag} NO AUTHENTICATE failed.";
  static final String IMAP_NOT_CONNECTED = "{tag} BAD User is authenticated but not connected.";
  static final String POP3_AUTH_FAILED = "-ERR Authentication failure: unknown user name or bad password.";
  static final String SMTP_AUTH_FAILED = "535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]";
  static final String IMAP_LOGIN_FAILED = "{tag} NO LOGIN failed.";
  static final String SMTP_BASIC_AUTH_DISABLED = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
      + "[MN2PR05CA0004.namprd05.prod.outlook.com]";
  static final String SMTP_AUTH_DISABLED = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
      + "Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com]";

  private ExchangeAnswersScript() {}

  /** A started server for the protocol answering the outcome as Exchange Online does. */
  static MockMailServer start(Microsoft365Setup s, ExchangeOnline.Outcome outcome) {
    MockMailServer server = switch (s.protocol) {
      case IMAP -> MockMailServer.imap().greeting("* OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAANQBDAEEAMAAwADAANAAuAG4AYQBtAHAAcgBkADAANQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]")
          .capabilities("IMAP4", "IMAP4rev1", "AUTH=PLAIN", "AUTH=XOAUTH2", "SASL-IR", "UIDPLUS", "ID", "UNSELECT", "CHILDREN", "IDLE", "NAMESPACE", "LITERAL+");
      case POP3 -> MockMailServer.pop3().greeting("+OK The Microsoft Exchange POP3 service is ready.")
          .capabilities("TOP", "UIDL", "SASL PLAIN XOAUTH2", "USER");
      case SMTP -> MockMailServer.smtp().greeting("220 MN2PR05CA0004.outlook.office365.com Microsoft ESMTP MAIL Service ready")
          .capabilities("SIZE 157286400", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES", "AUTH LOGIN XOAUTH2", "8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8");
    };
    if (s.protocol == Protocol.SMTP) {
      server.starttls(TestCertificates.localhost());
    } else {
      server.tls(TestCertificates.localhost());
    }
    server.folders(s.folders);
    switch (outcome) {
      case AUTHENTICATION_FAILED -> server.sasl(s.protocol == Protocol.POP3 ? new String[] {"+ ", POP3_AUTH_FAILED}
          : new String[] {s.protocol == Protocol.IMAP ? IMAP_AUTH_FAILED : SMTP_AUTH_FAILED});
      case SMTP_AUTH_DISABLED -> server.sasl(SMTP_AUTH_DISABLED);
      // Exchange answers a password with the same words it gives a refused token, except SMTP's 5.7.139
      case PASSWORD_REFUSED -> {
        switch (s.protocol) {
          case IMAP -> server.sasl(IMAP_AUTH_FAILED).on("LOGIN", IMAP_LOGIN_FAILED);
          case POP3 -> server.sasl(POP3_AUTH_FAILED).on("PASS", POP3_AUTH_FAILED);
          case SMTP -> server.on("AUTH", SMTP_BASIC_AUTH_DISABLED);
        }
      }
      case NOT_CONNECTED -> {
        for (String verb : new String[] {"NOOP", "LIST", "EXAMINE", "SELECT", "STATUS"}) {
          server.on(verb, IMAP_NOT_CONNECTED);
        }
      }
      case THROTTLED -> server.on("EXAMINE", "{tag} BAD Request is throttled. Suggested Backoff Time: 89117 milliseconds", "* BYE Connection closed. 14");
      case ACCEPTED -> { }
    }
    return server.start();
  }
}
