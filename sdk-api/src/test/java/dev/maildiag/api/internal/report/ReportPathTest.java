package dev.maildiag.api.internal.report;

import dev.maildiag.api.internal.report.ReportPath.PathStep;
import dev.maildiag.api.internal.report.ReportPath.Status;
import dev.maildiag.api.internal.report.ReportPath.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ReportPathTest {
  @Test
  void eachStepTakesTheWorstResultOfItsChecksAndTheFirstFailedStepIsMarked() {
    List<PathStep> path = ReportPath.of(SampleReports.failing(), SampleReports.CHECKS);

    assertThat(path).extracting(PathStep::step).containsExactly(Step.CONFIG, Step.DNS, Step.TCP, Step.PROXY, Step.TLS,
        Step.GREETING, Step.SIGN_IN, Step.XOAUTH2, Step.SESSION, Step.FOLDER);
    assertThat(path).extracting(PathStep::status).containsExactly(Status.OK, Status.OK, Status.OK, Status.NOT_CHECKED, Status.OK,
        Status.OK, Status.WARNING, Status.FAILED, Status.SKIPPED, Status.SKIPPED);
    assertThat(path).filteredOn(PathStep::firstBroken).extracting(PathStep::step).containsExactly(Step.XOAUTH2);
    assertThat(path.get(0).findings()).extracting(f -> f.checkId()).containsExactly("config.required", "acme.cloud");
    assertThat(path.get(6).findings()).extracting(f -> f.checkId()).containsExactly("acme.token-claims");
  }

  @Test
  void aCheckOutsideThePlanIsPlacedByItsIdAndAHealthyPathHasNoBrokenStep() {
    List<PathStep> path = ReportPath.of(SampleReports.healthy(), Map.of());

    assertThat(path).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.OK));
    assertThat(ReportPath.firstBroken(path)).isEmpty();
    assertThat(ReportPath.step("acme.thing", ReportPath.stage("acme.thing", Map.of()))).isEqualTo(Step.CONFIG);
    assertThat(ReportPath.step("network.identity", ReportPath.stage("network.identity", Map.of()))).isEqualTo(Step.SIGN_IN);
    assertThat(ReportPath.step("cluster.stickiness", ReportPath.stage("cluster.stickiness", Map.of()))).isEqualTo(Step.CLUSTER);
  }
}
