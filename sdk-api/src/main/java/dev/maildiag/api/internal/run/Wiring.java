package dev.maildiag.api.internal.run;

import dev.maildiag.api.spi.Candidate;
import dev.maildiag.api.spi.CatalogTable;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.api.spi.Interpreter;
import dev.maildiag.api.spi.Signature;
import dev.maildiag.api.spi.SignatureTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proves that checks (when a runner is built) and signature tables (when it first interprets something) only name
 * what exists: a misspelt id in
 * {@code requires} or {@code after} would silently drop the SKIPPED behaviour, and a misspelt root-cause id
 * would be shown to users as if it were a title.
 */
public final class Wiring {
  private Wiring() {}

  /**
   * @param checks every check the runner may run, whichever context it is asked about
   * @throws IllegalStateException naming every unknown id found
   */
  public static void checks(List<Check> checks, RootCauseRegistry rootCauses) {
    Set<String> checkIds = checks.stream().map(c -> c.info().id()).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Check check : checks) {
      CheckInfo info = check.info();
      for (String id : info.rootCauses()) {
        if (!rootCauses.contains(id)) {
          problems.add("check '" + info.id() + "' finds unknown root cause '" + id + "'");
        }
      }
      for (String id : info.requires()) {
        if (!checkIds.contains(id)) {
          problems.add("check '" + info.id() + "' requires unknown check '" + id + "'");
        }
      }
      for (String id : info.after()) {
        if (!checkIds.contains(id)) {
          problems.add("check '" + info.id() + "' runs after unknown check '" + id + "'");
        }
      }
    }
    fail(problems);
  }

  /**
   * Checked when the runner first interprets something, since reading the tables is what takes the time.
   *
   * @param interpreters the runner's interpreters
   * @throws IllegalStateException naming every unknown root cause a signature table names
   */
  public static void tables(List<Interpreter> interpreters, RootCauseRegistry rootCauses) {
    List<String> problems = new ArrayList<>();
    for (Interpreter interpreter : interpreters) {
      if (interpreter instanceof CatalogTable catalog) {
        // the file's rows: the signature objects made from them are not needed to read a text
        for (CatalogTable.Row row : catalog.entries()) {
          unknown(catalog, row.says(), row.causes(), rootCauses, problems);
        }
      } else if (interpreter instanceof SignatureTable table) {
        for (Signature row : table.rows()) {
          unknown(table, row.signal(), row.causes(), rootCauses, problems);
        }
      }
    }
    fail(problems);
  }

  private static void unknown(Interpreter table, String row, List<Candidate> causes, RootCauseRegistry rootCauses,
      List<String> problems) {
    for (Candidate c : causes) {
      if (!rootCauses.contains(c.rootCause())) {
        problems.add(table.getClass().getSimpleName() + " row '" + row + "' names unknown root cause '" + c.rootCause() + "'");
      }
    }
  }

  private static void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("maildiag cannot be built: " + String.join("; ", problems)
          + " (register the root cause with Maildiag.Builder.rootCause or a provider's rootCauses(), or fix the id)");
    }
  }
}
