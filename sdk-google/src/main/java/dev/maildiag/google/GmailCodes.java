package dev.maildiag.google;


/** Gmail's documented SMTP (the Workspace SMTP error reference), IMAP and POP answers ({@code gmail.tsv}). */
public final class GmailCodes extends GoogleTable {
  public GmailCodes() {
    super("gmail.tsv", null);
  }
}
