package dev.maildiag.api;

import dev.maildiag.api.internal.checks.CoreDiagnostics;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import java.util.function.Function;

/** A check whose behaviour a test scripts. */
public class FakeCheck implements Check {
  private final CheckInfo info;
  private final Function<CheckContext, Finding> body;

  public FakeCheck(CheckInfo info, Function<CheckContext, Finding> body) {
    this.info = info;
    this.body = body;
  }

  /** A runner without discovery and with the core checks (always present) left out, for fake checks alone. */
  public static Maildiag.Builder bareRunner() {
    Maildiag.Builder b = Maildiag.builder().discoverProviders(false);
    new CoreDiagnostics().checks().forEach(c -> b.exclude(c.info().id()));
    return b;
  }

  public static FakeCheck ok(String id) {
    return new FakeCheck(CheckInfo.of(id, Stage.CONFIG, id), ctx -> Finding.ok(id + " fine").build());
  }

  public static FakeCheck error(String id, String rootCause) {
    return new FakeCheck(CheckInfo.of(id, Stage.CONFIG, id), ctx -> Finding.error(id + " broken").rootCause(rootCause).build());
  }

  @Override
  public CheckInfo info() {
    return info;
  }

  @Override
  public Finding run(CheckContext ctx) {
    return body.apply(ctx);
  }
}
