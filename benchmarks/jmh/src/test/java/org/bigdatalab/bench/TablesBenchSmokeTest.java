package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

/**
 * {@code lab bench --workload tables} once, in-process, on 2,000 rows and the two reference table
 * engines: every benchmark gives its row, each engine's answers checked inside (the MERGE's rows,
 * the scans' and version 1's row counts), so a row means a right answer. No speed is asserted.
 */
class TablesBenchSmokeTest {
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime);

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true");
  }

  @Test
  void mergeScansAndTimeTravelBesideTheirBaselines() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("tables", List.of("table-memory", "table-log"), "2000", progress::add, ONCE);

    List<String> ops = List.of("/merge", "/scan-pruned", "/scan-full");
    List<String> expected = new ArrayList<>(ops.stream().map(op -> BenchRunner.BASELINE + op).toList());
    for (String engine : List.of("table-log", "table-memory")) {
      for (String op : List.of("/merge", "/scan-full", "/scan-pruned", "/time-travel")) {
        expected.add(engine + op);
      }
    }
    assertThat(rows).extracting(BenchResult::engine).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows).allSatisfy(r -> assertThat(r.ratioToBaseline()).isPositive());
    assertThat(new TablesWorkload().targets(rows)).hasSize(2)
        .allMatch(line -> line.contains("where the full scan opened"), "files opened recorded by both engines");
  }
}
