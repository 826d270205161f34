package dev.maildiag.cli;

import dev.maildiag.api.internal.explain.Observations;
import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CatalogTable;
import dev.maildiag.api.spi.Explainer;
import dev.maildiag.api.spi.Interpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the catalogs themselves: for every row of every catalog on the class path, the explainer (all
 * modules' interpreters together) ranks the row's cause first for the row's documented message.
 */
class CatalogCoverageTest {
  static final Explainer EXPLAINER = Explainer.discover();

  static List<CatalogTable> tables() {
    List<CatalogTable> tables = new ArrayList<>();
    for (Interpreter i : EXPLAINER.interpreters()) {
      if (i instanceof CatalogTable t) {
        tables.add(t);
      }
    }
    return tables;
  }

  @Test
  void everyModuleContributesItsCatalogs() {
    assertThat(tables()).extracting(t -> t.resource())
        .contains("standards.tsv", "clients.tsv", "entra-codes.tsv", "exchange.tsv", "google-oauth.tsv", "gmail.tsv");
  }

  @TestFactory
  Stream<DynamicNode> everyRowRanksItsCauseFirstForItsDocumentedMessage() {
    return tables().stream().map(table -> DynamicContainer.dynamicContainer(table.name(),
        table.entries().stream().flatMap(row -> row.documentedMessages().stream().map(message ->
            DynamicTest.dynamicTest(table.resource() + ":" + row.line() + " " + abbreviated(message),
                () -> assertRanksFirst(table, row, message))))));
  }

  private static void assertRanksFirst(CatalogTable table, CatalogTable.Row row, String message) {
    List<Candidate> ranked = EXPLAINER.explain(Observations.of(message, table.provider() == null ? "auto" : table.provider(), null));
    assertThat(ranked).as("nothing recognised in: %s", message).isNotEmpty();
    assertThat(ranked.get(0).rootCause()).as("%s -> %s", message, ranked).isEqualTo(row.causes().get(0).rootCause());
  }

  @Test
  void everyCatalogIsWellFormed() {
    tables().forEach(t -> assertThat(t.problems()).as(t.resource()).isEmpty());
  }

  /** docs/explain.md counts every catalog's rows, "nearest" rows and spellings, as they are. */
  @Test
  void theDocsCountEveryCatalogsRows() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "explain.md"));
    for (CatalogTable t : tables()) {
      List<CatalogTable.Row> rows = t.entries();
      long nearest = rows.stream().filter(r -> !r.mailCause()).count();
      long spellings = rows.stream().mapToLong(r -> r.signals().size()).sum();
      assertThat(docs).as(t.resource()).contains("`" + t.resource() + "` | " + rows.size() + " | " + nearest + " | " + spellings + " |");
    }
  }

  private static String abbreviated(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
