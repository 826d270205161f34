package dev.maildiag.api;

/**
 * The mail server side of what is diagnosed.
 *
 * @param protocol imap, pop3 or smtp; null when not configured
 * @param host the mail host name
 * @param port the port, or 0 for the protocol's usual port with this security
 * @param security ssl, starttls or none; null when not configured
 * @param login the account that signs in and authorizes the mailbox (the access token's user)
 * @param mailbox the mailbox address when it differs from the login (shared or delegated mailbox); the
 *     XOAUTH2 {@code user=} is this address, or the login when there is none
 * @param folder the folder the handler reads, {@code INBOX} by default
 */
public record MailServer(Protocol protocol, String host, int port, Security security, String login, String mailbox, String folder) {

  /** The configured port, or the usual one for the protocol and security. */
  public int effectivePort() {
    if (port > 0) {
      return port;
    }
    if (protocol == null) {
      return 0;
    }
    return protocol.defaultPort(security == null ? Security.SSL : security);
  }

  /** The address of the mailbox being read: the mailbox if set, else the login. */
  public String effectiveMailbox() {
    return mailbox == null || mailbox.isBlank() ? login : mailbox;
  }
}
