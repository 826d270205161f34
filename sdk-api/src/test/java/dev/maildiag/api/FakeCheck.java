package dev.maildiag.api;

import java.util.function.Function;

/** A check whose behaviour a test scripts. */
class FakeCheck implements Check {
  private final CheckInfo info;
  private final Function<CheckContext, Finding> body;

  FakeCheck(CheckInfo info, Function<CheckContext, Finding> body) {
    this.info = info;
    this.body = body;
  }

  static FakeCheck ok(String id) {
    return new FakeCheck(CheckInfo.of(id, Stage.CONFIG, id), ctx -> Finding.ok(id + " fine").build());
  }

  static FakeCheck error(String id, String rootCause) {
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
