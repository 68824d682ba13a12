package org.bigdatalab.bench;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The console form of a comparison: one line per row, ratios to the hand-written loop of the same
 * run, and the targets checked (reported, never asserted).
 *
 * <pre>
 * workload   engine                         size   threads      MB/s    ratio  per-thread
 * wordcount  hand-written-1-thread          128MB        1     106.0     1.00        1.00
 * wordcount  mr-parallel                    128MB        2     22.40    0.211       0.106
 * </pre>
 */
public final class BenchTable {
  /** mr-parallel's MB/s per thread, as a fraction of the one-thread hand-written loop. */
  public static final double PARALLEL_PER_THREAD_TARGET = 0.5;

  private BenchTable() {}

  public static String format(List<BenchResult> rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-10s %-30s %-6s %7s %9s %8s %11s%n",
        "workload", "engine", "size", "threads", "MB/s", "ratio", "per-thread"));
    for (BenchResult r : rows) {
      out.append(String.format(Locale.ROOT, "%-10s %-30s %-6s %7d %9.4g %8.3g %11.3g%n", r.workload(), r.engine(),
          r.size(), r.threads(), r.value(), r.ratioToBaseline(), r.ratioToBaseline() / Math.max(1, r.threads())));
    }
    String targets = targets(rows);
    if (!targets.isEmpty()) {
      out.append("targets (reported, not asserted):").append(System.lineSeparator()).append(targets);
    }
    return out.toString();
  }

  /** The targets, one line per workload and size where the rows allow a verdict. */
  static String targets(List<BenchResult> rows) {
    StringBuilder out = new StringBuilder();
    rows.stream().map(r -> r.workload() + " " + r.size()).distinct().forEach(key -> {
      Optional<BenchResult> parallel = find(rows, key, "mr-parallel");
      Optional<BenchResult> hadoop = find(rows, key, "mr-hadoop");
      parallel.ifPresent(p -> {
        double perThread = p.ratioToBaseline() / Math.max(1, p.threads());
        out.append(String.format(Locale.ROOT, "  %-16s mr-parallel per thread %.3g of the hand-written loop (target >= %.2f): %s%n",
            key, perThread, PARALLEL_PER_THREAD_TARGET, perThread >= PARALLEL_PER_THREAD_TARGET ? "met" : "NOT met"));
        hadoop.ifPresent(h -> out.append(String.format(Locale.ROOT,
            "  %-16s mr-parallel %.4g MB/s vs mr-hadoop %.4g MB/s (target: faster): %s%n",
            key, p.value(), h.value(), p.value() > h.value() ? "met" : "NOT met")));
      });
    });
    return out.toString();
  }

  private static Optional<BenchResult> find(List<BenchResult> rows, String key, String engine) {
    return rows.stream().filter(r -> Objects.equals(r.workload() + " " + r.size(), key) && r.engine().equals(engine)).findFirst();
  }
}
