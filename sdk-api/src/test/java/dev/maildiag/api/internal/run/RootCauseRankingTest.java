package dev.maildiag.api.internal.run;

import dev.maildiag.api.Finding;
import dev.maildiag.api.RankedRootCause;
import dev.maildiag.api.internal.checks.BuiltInRootCauses;
import dev.maildiag.api.spi.Candidate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class RootCauseRankingTest {
  private static final RootCauseRegistry BUILT_IN = RootCauseRegistry.of(BuiltInRootCauses.all());

  private static Finding stamp(Finding.Builder b, String id) {
    return b.build().stamped(id, Duration.ZERO);
  }

  @Test
  void errorsOutrankWarningsAndSupportAddsUp() {
    List<RankedRootCause> ranked = RootCauseRanking.rank(List.of(
        stamp(Finding.warning("odd scope").rootCause("scopes", 0.9), "a"),
        stamp(Finding.error("refused").rootCause("protocol-disabled", 0.7), "b"),
        stamp(Finding.warning("claims").rootCause("protocol-disabled", 0.5), "c"),
        stamp(Finding.ok("fine"), "d")), BUILT_IN);

    assertThat(ranked).extracting(RankedRootCause::id).containsExactly("protocol-disabled", "scopes");
    RankedRootCause top = ranked.get(0);
    assertThat(top.confidence()).isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
    assertThat(top.findings()).containsExactly("b", "c");
    assertThat(top.title()).isEqualTo("IMAP or POP is disabled for the mailbox");
  }

  @Test
  void alternativesAreRankedBelowTheirPrimaryAndKeepTheFindingsRemediation() {
    Finding f = stamp(Finding.error("AUTHENTICATE failed").candidates(List.of(
        new Candidate("protocol-disabled", 0.5, "a"), new Candidate("no-license", 0.3, "b"))).step("Run Get-CASMailbox"), "auth");

    List<RankedRootCause> ranked = RootCauseRanking.rank(List.of(f), BUILT_IN);

    assertThat(ranked).extracting(RankedRootCause::id).containsExactly("protocol-disabled", "no-license");
    assertThat(ranked.get(0).remediation().steps()).containsExactly("Run Get-CASMailbox");
    assertThat(ranked.get(1).remediation().steps()).isNotEmpty().doesNotContain("Run Get-CASMailbox");
  }

  @Test
  void skippedAndOkFindingsNameNoCause() {
    assertThat(RootCauseRanking.rank(List.of(stamp(Finding.skipped("skipped"), "s")), BUILT_IN)).isEmpty();
  }
}
