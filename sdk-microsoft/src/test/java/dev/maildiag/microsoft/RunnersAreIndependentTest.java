package dev.maildiag.microsoft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maildiag.api.DiagnosticContext;
import dev.maildiag.api.Finding;
import dev.maildiag.api.Maildiag;
import dev.maildiag.api.Remediation;
import dev.maildiag.api.Report;
import dev.maildiag.api.RootCause;
import dev.maildiag.api.Severity;
import dev.maildiag.api.Stage;
import dev.maildiag.api.spi.Check;
import dev.maildiag.api.spi.CheckContext;
import dev.maildiag.api.spi.CheckInfo;
import dev.maildiag.microsoft.HostProductSupport.Feature;
import dev.maildiag.microsoft.HostProductSupport.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two runners in one JVM: what one registers (root causes, product rules) the other never sees. */
class RunnersAreIndependentTest {
  private static final RootCause QUOTA = new RootCause("acme-quota", "The ACME desk's mail quota is used up", "why",
      Remediation.of(List.of("Raise the ACME desk's mail quota")));

  /** A check of the embedder's own that reports its own root cause. */
  private static final class QuotaCheck implements Check {
    @Override
    public CheckInfo info() {
      return CheckInfo.of("acme.quota", Stage.CONFIG, "ACME quota").finds(QUOTA.id());
    }

    @Override
    public Finding run(CheckContext ctx) {
      return Finding.warning("The ACME desk's quota is used up").rootCause(QUOTA.id()).build();
    }
  }

  private static DiagnosticContext acmeDesk() {
    return Contexts.imap().product("acme-desk", "1.4.0", null).build();
  }

  @Test
  void rootCausesAndProductRulesOfOneRunnerAreNotSeenByAnother() {
    Maildiag acme = Maildiag.builder()
        .provider(new MicrosoftDiagnostics().withProductRules(
            List.of(new Rule("acme-desk", Feature.OAUTH, null, "2.0.0", "ACME desk release notes 2.0"))))
        .rootCause(QUOTA).check(new QuotaCheck())
        .build();
    Maildiag plain = Maildiag.create();

    Report withRules = acme.preflight(acmeDesk());
    Report without = plain.preflight(acmeDesk());

    assertThat(withRules.finding(HostProductFit.ID)).get().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.rootCause()).isEqualTo(RootCause.HOST_PRODUCT_UNSUPPORTED);
      assertThat(f.evidence()).containsEntry("supported from", "2.0.0");
    });
    assertThat(without.finding(HostProductFit.ID)).get().extracting(Finding::severity).isEqualTo(Severity.OK);
    assertThat(withRules.rootCauses()).anySatisfy(r -> assertThat(r.title()).isEqualTo(QUOTA.title()));
    assertThat(acme.rootCause(QUOTA.id())).contains(QUOTA);
    assertThat(plain.rootCause(QUOTA.id())).isEmpty();
    assertThat(((MicrosoftDiagnostics) plain.providers().stream().filter(p -> p.id().equals(MicrosoftDiagnostics.ID))
        .findFirst().orElseThrow()).productRules().rules()).noneMatch(r -> r.product().equals("acme-desk"));
    // the plain runner does not know the root cause, so a check that finds it cannot be added to it
    assertThatThrownBy(() -> Maildiag.builder().check(new QuotaCheck()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("acme-quota");
  }

  @Test
  void oneCallerCannotChangeAnothersJson() throws Exception {
    Report report = Maildiag.create().preflight(acmeDesk());
    String before = report.toJson();

    // another caller reads the report into its own mapper, configured its own way, and changes its tree
    ObjectMapper theirs = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    ObjectNode tree = (ObjectNode) theirs.readTree(report.toJson());
    tree.put("verdict", "CHANGED");
    theirs.writeValueAsString(tree);

    assertThat(report.toJson()).isEqualTo(before).contains("\n").doesNotContain("CHANGED");
    // and nothing in the public API hands out the writer maildiag uses
    for (Class<?> type : List.of(Report.class, Maildiag.class)) {
      assertThat(type.getMethods()).noneMatch(m -> m.getReturnType().getName().startsWith("com.fasterxml"));
    }
  }
}
