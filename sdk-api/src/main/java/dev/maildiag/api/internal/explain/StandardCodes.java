package dev.maildiag.api.internal.explain;

import dev.maildiag.api.spi.CatalogTable;

/**
 * The standards' own answers: IMAP and POP3 response codes, SMTP enhanced status codes and AUTH replies, the SASL
 * OAUTHBEARER error status and the OAuth 2.0 error codes, each as the RFC or IANA registry defines it
 * ({@code standards.tsv}).
 */
public final class StandardCodes extends CatalogTable {
  public StandardCodes() {
    super(null, StandardCodes.class, "standards.tsv");
  }
}
