package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.CatalogTable;

/**
 * What mail and HTTP clients say when a step fails, in their own words: Jakarta Mail, the JDK's networking and
 * TLS, SOCKS, OkHttp, MailKit and .NET, Python's imaplib, smtplib and ssl, nodemailer, PHPMailer and php-imap,
 * Go, fetchmail, mpop and msmtp, Postfix's SASL, Thunderbird and Outlook ({@code clients.tsv}).
 */
public final class ClientMessages extends CatalogTable {
  public ClientMessages() {
    super(null, ClientMessages.class, "clients.tsv");
  }
}
