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
 * workload   engine                         size       threads      value metric         ratio  per-thread  max-task
 * wordcount  hand-written-1-thread          128MB            1      106.0 MB/s            1.00        1.00
 * wordcount  mr-parallel                    128MB            2      22.40 MB/s           0.211       0.106
 * </pre>
 *
 * {@code max-task} is the largest task's share of its stage's records, where the rows carry it
 * (the {@code skew} workload's engine rows); at exponent 1.5 the targets also compare the longest
 * task's wall-clock and CPU time with and without salting. Engines' start-up times, where measured, follow the
 * table on a line of their own: they are not part of any value.
 */
public final class BenchTable {
  /** mr-parallel's MB/s per thread, as a fraction of the one-thread hand-written loop. */
  public static final double PARALLEL_PER_THREAD_TARGET = 0.5;
  /** dfs-local at replication 3: write at least this fraction of the disk limit (3 copies of every byte). */
  public static final double DFS_R3_WRITE_TARGET = 1.0 / 3;
  /** dfs-local at replication 3: read at least this fraction of the disk limit. */
  public static final double DFS_R3_READ_TARGET = 0.8;
  /** df-parallel's records/s per thread, as a fraction of the hand-written primitive loop. */
  public static final double DF_PARALLEL_PER_THREAD_TARGET = 0.25;
  /** At exponent 1.5, salting must cut the largest task's share by at least this factor. */
  public static final double SALTING_CUT_TARGET = 2.0;

  private BenchTable() {}

  public static String format(List<BenchResult> rows) {
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
    String targets = targets(rows);
    if (!targets.isEmpty()) {
      out.append("targets (reported, not asserted):").append(System.lineSeparator()).append(targets);
    }
    return out.toString();
  }

  /** " df-parallel 12.0, spark 7400": one figure per engine (its variants' rows repeat it). */
  static String startUps(List<BenchResult> rows) {
    java.util.Map<String, Double> ms = new java.util.LinkedHashMap<>();
    rows.stream().filter(r -> r.startupMs() != null).forEach(r -> ms.putIfAbsent(r.engine().split("[/+]", 2)[0], r.startupMs()));
    StringBuilder out = new StringBuilder();
    ms.forEach((engine, v) -> out.append(out.length() == 0 ? " " : ", ").append(engine).append(' ')
        .append(String.format(Locale.ROOT, "%.4g", v)));
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
    rows.stream().filter(r -> r.workload().equals("dfs")).map(BenchResult::size).distinct().forEach(size -> {
      for (String op : new String[] {"write", "read"}) {
        double target = op.equals("write") ? DFS_R3_WRITE_TARGET : DFS_R3_READ_TARGET;
        rows.stream().filter(r -> r.workload().equals("dfs") && r.size().equals(size) && r.metric().startsWith(op)
            && r.engine().startsWith("dfs-local/r3/")).forEach(r -> out.append(String.format(Locale.ROOT,
            "  dfs %-12s %s %s %.3g of the disk limit (target >= %.2f): %s%n", size, r.engine(), op, r.ratioToBaseline(),
            target, r.ratioToBaseline() >= target ? "met" : "NOT met")));
      }
    });
    rows.stream().filter(r -> r.workload().equals("skew")).map(BenchResult::size).distinct().forEach(size -> {
      String key = "skew " + size;
      for (String row : new String[] {"df-parallel/columns", "df-parallel"}) { // DataFrame-style, then record at a time
        find(rows, key, row).ifPresent(p -> {
          double perThread = p.ratioToBaseline() / Math.max(1, p.threads());
          out.append(String.format(Locale.ROOT, "  %-16s %s per thread %.3g of the hand-written loop (target >= %.2f): %s%n",
              key, row, perThread, DF_PARALLEL_PER_THREAD_TARGET, perThread >= DF_PARALLEL_PER_THREAD_TARGET ? "met" : "NOT met"));
        });
      }
      for (String variant : new String[] {"", "+salted", "/groupByKey", "/groupByKey+salted", "/columns", "/columns+salted"}) {
        Optional<BenchResult> parallel = find(rows, key, "df-parallel" + variant);
        Optional<BenchResult> spark = find(rows, key, "spark" + variant);
        if (parallel.isPresent() && spark.isPresent()) {
          double times = parallel.get().value() / spark.get().value();
          out.append(String.format(Locale.ROOT, "  %-16s df-parallel vs spark%s: %.4g vs %.4g records/s, %.3gx (target: faster, start-up excluded): %s%n",
              key, variant, parallel.get().value(), spark.get().value(), times, times > 1 ? "met" : "NOT met"));
        }
      }
      if (size.endsWith("-z1.5")) {
        List<String> unsalted = rows.stream().filter(r -> Objects.equals(r.workload() + " " + r.size(), key))
            .map(BenchResult::engine).filter(e -> !e.endsWith("+salted")).toList();
        for (String engine : unsalted) { // every engine with a salted twin: df-*, spark, each aggregation
          Optional<BenchResult> plain = find(rows, key, engine);
          Optional<BenchResult> salted = find(rows, key, engine + "+salted");
          if (plain.isPresent() && salted.isPresent() && plain.get().maxTaskShare() != null && salted.get().maxTaskShare() != null
              && salted.get().maxTaskShare() > 0) {
            double cut = plain.get().maxTaskShare() / salted.get().maxTaskShare();
            out.append(String.format(Locale.ROOT, "  %-16s %s salting cuts the largest task %.3f -> %.3f, %.2fx (target >= %.1fx): %s%n",
                key, engine, plain.get().maxTaskShare(), salted.get().maxTaskShare(), cut, SALTING_CUT_TARGET,
                cut >= SALTING_CUT_TARGET ? "met" : "NOT met"));
          }
          if (plain.isPresent() && salted.isPresent()) {
            timeCut(out, key, engine, "salting", plain.get(), salted.get());
          }
          if (engine.endsWith("/join")) { // the join's other remedies against the plain shuffle join
            for (String remedy : new String[] {"split", "broadcast"}) {
              Optional<BenchResult> fixed = find(rows, key, engine + "+" + remedy);
              if (plain.isPresent() && fixed.isPresent()) {
                timeCut(out, key, engine, remedy.equals("split") ? "the skew split" : "broadcasting", plain.get(), fixed.get());
              }
            }
          }
        }
      }
    });
    return out.toString();
  }

  /**
   * The same target on the clock: the longest task after the shuffle and in the whole job, on the wall
   * clock and in CPU time, plain -> salted, where the engine timed its tasks. Wall time also counts
   * waiting for a core and GC pauses, which salting does not remove; CPU time is the task's own work.
   */
  private static void timeCut(StringBuilder out, String key, String engine, String remedy, BenchResult plain, BenchResult salted) {
    String[] scopes = {"after the shuffle", "in the whole job"};
    Double[][] pairs = {
        {plain.maxShuffledTaskMs(), salted.maxShuffledTaskMs(), plain.maxShuffledTaskCpuMs(), salted.maxShuffledTaskCpuMs()},
        {plain.maxTaskMs(), salted.maxTaskMs(), plain.maxTaskCpuMs(), salted.maxTaskCpuMs()}};
    for (int i = 0; i < scopes.length; i++) {
      String wall = timeCut(pairs[i][0], pairs[i][1]);
      String cpu = timeCut(pairs[i][2], pairs[i][3]);
      if (!wall.isEmpty() || !cpu.isEmpty()) {
        out.append(String.format(Locale.ROOT, "  %-16s %s %s cuts the longest task %s: wall %s; CPU %s%n",
            key, engine, remedy, scopes[i], wall.isEmpty() ? "not timed" : wall, cpu.isEmpty() ? "not timed" : cpu));
      }
    }
  }

  /** "1820.0 -> 1178.0 ms, 1.55x (target >= 2.0x): NOT met", or "" when either side was not timed. */
  private static String timeCut(Double plain, Double salted) {
    if (plain == null || salted == null || salted <= 0) {
      return "";
    }
    double cut = plain / salted;
    return String.format(Locale.ROOT, "%.1f -> %.1f ms, %.2fx (target >= %.1fx): %s", plain, salted, cut, SALTING_CUT_TARGET,
        cut >= SALTING_CUT_TARGET ? "met" : "NOT met");
  }

  private static Optional<BenchResult> find(List<BenchResult> rows, String key, String engine) {
    return rows.stream().filter(r -> Objects.equals(r.workload() + " " + r.size(), key) && r.engine().equals(engine)).findFirst();
  }
}
