package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@code lab bench --workload cap} once, in-process, on 100 operations with one key and three
 * clients: the checker and the brute force each give a row (each throws on a wrong verdict, so a
 * row means a right answer), and the simulated stores' write latencies sit on PACELC's side of
 * the round trip. No speed is asserted.
 */
class CapBenchSmokeTest {
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime,
      Map.of("keys", List.of("1"), "clients", List.of("3")));

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  @Test
  void checkerBesideBruteForceAndLatencyPerStore() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("cap", List.of("cap-quorum", "cap-lww"), "100", progress::add, ONCE);

    assertThat(rows).filteredOn(r -> r.metric().equals("ops/s")).extracting(BenchResult::engine)
        .containsExactly("checker/k1/c3", "brute-force/k1/c3");
    BenchResult checker = rows.stream().filter(r -> r.engine().equals("checker/k1/c3") && r.metric().equals("ops/s")).findFirst().orElseThrow();
    assertThat(checker.baseline()).isEqualTo("brute-force/k1/c3");
    assertThat(checker.value()).isPositive();
    assertThat(checker.ratioToBaseline()).isPositive();

    BenchResult quorum = rows.stream().filter(r -> r.engine().equals("cap-quorum/write")).findFirst().orElseThrow();
    BenchResult lww = rows.stream().filter(r -> r.engine().equals("cap-lww/write")).findFirst().orElseThrow();
    assertThat(quorum.p50Ms()).as("a CP write waits for a quorum").isGreaterThanOrEqualTo(CapLatency.ROUND_TRIP_MS);
    assertThat(lww.p50Ms()).as("an AP write answers locally").isLessThan(CapLatency.ROUND_TRIP_MS);
    assertThat(new CapWorkload().targets(rows)).anyMatch(line -> line.contains("cap-quorum/write"));
  }
}
