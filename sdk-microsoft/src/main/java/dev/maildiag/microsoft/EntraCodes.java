package dev.maildiag.microsoft;

import dev.maildiag.api.spi.CatalogTable;

/**
 * Every code of Microsoft Entra's AADSTS error reference, each mapped to the root cause it means for a mail handler
 * (or, when it cannot be one, to the nearest), read from {@code entra-codes.tsv}. The single place where AADSTS codes
 * are interpreted: texts, and the {@code error_codes} of a token error ({@link TokenErrors}).
 */
public final class EntraCodes extends CatalogTable {
  public EntraCodes() {
    super(MicrosoftDiagnostics.ID, EntraCodes.class, "entra-codes.tsv");
  }
}
