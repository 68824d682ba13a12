package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What a workload's run gives: its rows (the stable JSON) and notes for the console that the rows
 * cannot carry (the nexmark latency table), printed between the table and the targets.
 */
public record BenchReport(List<BenchResult> rows, List<String> notes) {
  static final BenchReport EMPTY = new BenchReport(List.of(), List.of());

  static BenchReport of(List<BenchResult> rows) {
    return new BenchReport(rows, List.of());
  }

  /** This report followed by {@code next} (the next size of the same run). */
  BenchReport and(BenchReport next) {
    List<BenchResult> r = new ArrayList<>(rows);
    r.addAll(next.rows());
    List<String> n = new ArrayList<>(notes);
    n.addAll(next.notes());
    return new BenchReport(r, n);
  }

  /** The console table, the notes, and the targets of every workload in the rows. */
  public String format() {
    return BenchTable.format(rows, notes);
  }
}
