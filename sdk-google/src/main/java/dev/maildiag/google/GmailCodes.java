package dev.maildiag.google;

import dev.maildiag.api.internal.explain.Catalog;

/** Gmail's documented SMTP (the Workspace SMTP error reference), IMAP and POP answers ({@code gmail.tsv}). */
public final class GmailCodes extends GoogleTable {
  public static final Catalog CATALOG = Catalog.load(GmailCodes.class, "gmail.tsv");

  public GmailCodes() {
    super(CATALOG, null);
  }
}
