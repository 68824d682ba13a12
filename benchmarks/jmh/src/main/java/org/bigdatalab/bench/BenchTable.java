package org.bigdatalab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console form of a comparison: one line per row, ratios to the hand-written loop of the same
 * run, and each workload's targets checked (reported, never asserted; {@link Workload#targets}).
 *
 * <pre>
 * workload   engine                         size       threads      value metric         ratio  per-thread  max-task
 * wordcount  hand-written-1-thread          128MB            1      106.0 MB/s            1.00        1.00
 * wordcount  mr-parallel                    128MB            2      22.40 MB/s           0.211       0.106
 * </pre>
 *
 * {@code max-task} is the largest task's share of its stage's records, where the rows carry it
 * (the {@code skew} workload's engine rows). Engines' start-up times, where measured, follow the
 * table on a line of their own: they are not part of any value.
 */
public final class BenchTable {
  private BenchTable() {}

  public static String format(List<BenchResult> rows) {
    return format(rows, List.of());
  }

  /** The table, its start-ups, the {@code notes} (lines the rows cannot carry), then the targets. */
  public static String format(List<BenchResult> rows, List<String> notes) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-10s %-32s %-10s %7s %10s %-12s %8s %11s %9s%n",
        "workload", "engine", "size", "threads", "value", "metric", "ratio", "per-thread", "max-task"));
    for (BenchResult r : rows) {
      out.append(String.format(Locale.ROOT, "%-10s %-32s %-10s %7d %10.4g %-12s %8.3g %11.3g %9s%n", r.workload(), r.engine(),
          r.size(), r.threads(), r.value(), r.metric(), r.ratioToBaseline(), r.ratioToBaseline() / Math.max(1, r.threads()),
          r.maxTaskShare() == null ? "" : String.format(Locale.ROOT, "%.3f", r.maxTaskShare())));
    }
    String startUps = startUps(rows);
    if (!startUps.isEmpty()) {
      out.append("start-up, ms from creating the engine in a fresh JVM to a trivial job's result (not in the values above):")
          .append(startUps).append(System.lineSeparator());
    }
    notes.forEach(line -> out.append(line).append(System.lineSeparator()));
    List<String> targets = rows.stream().map(BenchResult::workload).distinct()
        .flatMap(w -> Workloads.named(w).targets(rows).stream()).toList();
    if (!targets.isEmpty()) {
      out.append("targets (reported, not asserted):").append(System.lineSeparator());
      targets.forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
    }
    return out.toString();
  }

  /** " df-parallel 12.0, spark 7400": one figure per engine (its variants' rows repeat it). */
  static String startUps(List<BenchResult> rows) {
    Map<String, Double> ms = new LinkedHashMap<>();
    rows.stream().filter(r -> r.startupMs() != null).forEach(r -> ms.putIfAbsent(r.engine().split("[/+]", 2)[0], r.startupMs()));
    StringBuilder out = new StringBuilder();
    ms.forEach((engine, v) -> out.append(out.length() == 0 ? " " : ", ").append(engine).append(' ')
        .append(String.format(Locale.ROOT, "%.4g", v)));
    return out.toString();
  }

  static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  static Optional<BenchResult> find(List<BenchResult> rows, String workload, String size, String engine) {
    return rows.stream().filter(r -> r.workload().equals(workload) && r.size().equals(size) && r.engine().equals(engine)).findFirst();
  }
}
