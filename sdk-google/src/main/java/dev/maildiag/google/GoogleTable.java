package dev.maildiag.google;

import dev.maildiag.api.Stage;
import dev.maildiag.api.internal.explain.Catalog;
import dev.maildiag.api.internal.explain.CatalogTable;
import dev.maildiag.api.internal.explain.TextNormaliser;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.Observation;
import java.util.List;

/**
 * A Google catalog: silent for a text that names another provider or comes from a step it cannot be about, and a
 * little less sure of a text that carries no Google mark (the same words may come from another server).
 */
abstract class GoogleTable extends CatalogTable {
  private final Stage stage;

  /** {@code stage} is the one step whose answers the catalog reads (null: any step). */
  GoogleTable(Catalog catalog, Stage stage) {
    super(GoogleDiagnostics.ID, catalog);
    this.stage = stage;
  }

  @Override
  public final List<Candidate> interpret(Observation o) {
    if (stage != null && o.stage() != null && o.stage() != stage || !GoogleObservations.fromGoogle(o)) {
      return List.of();
    }
    return lookUp(TextNormaliser.normalise(o.text())).stream()
        .map(c -> new Candidate(c.rootCause(), GoogleObservations.weigh(o, c.confidence()), c.reason())).toList();
  }
}
