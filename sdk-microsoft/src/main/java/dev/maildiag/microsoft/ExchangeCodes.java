package dev.maildiag.microsoft;

import dev.maildiag.api.spi.CatalogTable;

/**
 * Exchange Online's answers as data ({@code exchange.tsv}): the SMTP/NDR enhanced status codes its NDR reference
 * documents (5.7.x, 4.7.x and others), its IMAP, POP3 and SMTP AUTH answers, what EWS, Graph and Outlook on the web
 * say about licences and mailboxes, and Entra ID's sign-in pages in words.
 */
public final class ExchangeCodes extends CatalogTable {
  public ExchangeCodes() {
    super(MicrosoftDiagnostics.ID, ExchangeCodes.class, "exchange.tsv");
  }
}
