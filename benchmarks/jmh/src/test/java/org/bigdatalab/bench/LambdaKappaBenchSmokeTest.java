package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@code lab bench --workload lambda-kappa} once, in-process, on 2,000 events and the reference
 * pipeline (on this test class path; ./lab forks it): every benchmark gives its row, each checked
 * inside against the hand-written view or the records appended, so a row means a right answer.
 * No speed is asserted.
 */
class LambdaKappaBenchSmokeTest {
  private static final String REFERENCE = "lambda:df-sequential+stream-sequential+log-memory";
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime);

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  @Test
  void reprocessingServingAndTheLogBesideTheirBaselines() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("lambda-kappa", List.of(REFERENCE), "2000", progress::add, ONCE);

    assertThat(rows).extracting(BenchResult::engine).containsExactly(BenchRunner.BASELINE, REFERENCE + "/kappa-replay",
        REFERENCE + "/lambda-batch", REFERENCE + "/serving-query", "file/append/fsync-on-close", "log-local/append/fsync-on-close",
        "file/read", "log-local/read");
    assertThat(rows).filteredOn(r -> r.engine().endsWith("/kappa-replay") || r.engine().startsWith("log-local"))
        .allSatisfy(r -> assertThat(r.ratioToBaseline()).isPositive());
    BenchResult serving = rows.stream().filter(r -> r.engine().endsWith("/serving-query")).findFirst().orElseThrow();
    assertThat(serving.p50Ms()).isNotNull().isPositive();
    assertThat(serving.p99Ms()).isGreaterThanOrEqualTo(serving.p50Ms());
    assertThat(new LambdaKappaWorkload().targets(rows)).anyMatch(line -> line.contains("log-local append"))
        .anyMatch(line -> line.contains("Kappa replay"));
  }
}
