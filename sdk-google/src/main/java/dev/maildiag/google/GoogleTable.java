package dev.maildiag.google;

import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CatalogTable;
import dev.maildiag.api.spi.Observation;
import java.util.List;

/**
 * A Google catalog: silent for a text that names another provider or comes from a step it cannot be about, and a
 * little less sure of a text that carries no Google mark (the same words may come from another server).
 */
abstract class GoogleTable extends CatalogTable {
  private final Stage stage;

  /** {@code stage} is the one step whose answers the catalog reads (null: any step). */
  GoogleTable(String resource, Stage stage) {
    super(GoogleDiagnostics.ID, GoogleTable.class, resource);
    this.stage = stage;
  }

  @Override
  public final List<Candidate> interpret(Observation o) {
    if (stage != null && o.stage() != null && o.stage() != stage || !GoogleObservations.fromGoogle(o)) {
      return List.of();
    }
    return lookUp(o).stream()
        .map(c -> new Candidate(c.rootCause(), GoogleObservations.weigh(o, c.confidence()), c.reason())).toList();
  }
}
