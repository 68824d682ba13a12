package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code skew} workload's targets: df-parallel per thread against the hand-written loop,
 * df-parallel against spark, and at exponent 1.5 what salting (and for the join the skew split and
 * broadcasting) does to the largest task: its share of the stage's records, and its longest time on
 * the wall clock and in CPU time.
 */
final class SkewTargets {
  /** df-parallel's records/s per thread, DataFrame-style (columns), as a fraction of the hand-written primitive loop. */
  static final double DF_PARALLEL_PER_THREAD_TARGET = 0.25;
  /** The same for the record-at-a-time row (boxed records, reduceByKey): issue 15's target. */
  static final double DF_PARALLEL_RECORDS_PER_THREAD_TARGET = 0.1;
  /** At exponent 1.5, salting must cut the largest task's share by at least this factor. */
  static final double SALTING_CUT_TARGET = 2.0;

  private SkewTargets() {}

  static List<String> lines(List<BenchResult> rows) {
    List<String> out = new ArrayList<>();
    rows.stream().filter(r -> r.workload().equals("skew")).map(BenchResult::size).distinct().forEach(size -> {
      String key = "skew " + size;
      for (String row : new String[] {"df-parallel/columns", "df-parallel"}) { // DataFrame-style, then record at a time
        double target = row.endsWith("/columns") ? DF_PARALLEL_PER_THREAD_TARGET : DF_PARALLEL_RECORDS_PER_THREAD_TARGET;
        find(rows, size, row).ifPresent(p -> {
          double perThread = p.ratioToBaseline() / Math.max(1, p.threads());
          out.add(String.format(Locale.ROOT, "%-16s %s per thread %.3g of the hand-written loop (target >= %.2f): %s",
              key, row, perThread, target, BenchTable.verdict(perThread >= target)));
        });
      }
      for (String variant : new String[] {"", "+salted", "/groupByKey", "/groupByKey+salted", "/columns", "/columns+salted"}) {
        Optional<BenchResult> parallel = find(rows, size, "df-parallel" + variant);
        Optional<BenchResult> spark = find(rows, size, "spark" + variant);
        if (parallel.isPresent() && spark.isPresent()) {
          double times = parallel.get().value() / spark.get().value();
          out.add(String.format(Locale.ROOT, "%-16s df-parallel vs spark%s: %.4g vs %.4g records/s, %.3gx (target: faster, start-up excluded): %s",
              key, variant, parallel.get().value(), spark.get().value(), times, BenchTable.verdict(times > 1)));
        }
      }
      if (size.endsWith("-z1.5")) {
        remedies(rows, size, out);
      }
    });
    return out;
  }

  /** Every engine with a salted twin (df-*, spark, each aggregation), and the join's other remedies. */
  private static void remedies(List<BenchResult> rows, String size, List<String> out) {
    String key = "skew " + size;
    List<String> unsalted = rows.stream().filter(r -> r.workload().equals("skew") && r.size().equals(size))
        .map(BenchResult::engine).filter(e -> !e.endsWith("+salted")).toList();
    for (String engine : unsalted) {
      Optional<BenchResult> plain = find(rows, size, engine);
      Optional<BenchResult> salted = find(rows, size, engine + "+salted");
      if (plain.isPresent() && salted.isPresent() && plain.get().maxTaskShare() != null && salted.get().maxTaskShare() != null
          && salted.get().maxTaskShare() > 0) {
        double cut = plain.get().maxTaskShare() / salted.get().maxTaskShare();
        out.add(String.format(Locale.ROOT, "%-16s %s salting cuts the largest task %.3f -> %.3f, %.2fx (target >= %.1fx): %s",
            key, engine, plain.get().maxTaskShare(), salted.get().maxTaskShare(), cut, SALTING_CUT_TARGET,
            BenchTable.verdict(cut >= SALTING_CUT_TARGET)));
      }
      if (plain.isPresent() && salted.isPresent()) {
        timeCut(out, key, engine, "salting", plain.get(), salted.get());
      }
      if (engine.endsWith("/join")) { // the join's other remedies against the plain shuffle join
        for (String remedy : new String[] {"split", "broadcast"}) {
          Optional<BenchResult> fixed = find(rows, size, engine + "+" + remedy);
          if (plain.isPresent() && fixed.isPresent()) {
            timeCut(out, key, engine, remedy.equals("split") ? "the skew split" : "broadcasting", plain.get(), fixed.get());
          }
        }
      }
    }
  }

  /**
   * The same target on the clock: the longest task after the shuffle and in the whole job, on the wall
   * clock and in CPU time (each the best of the row's measured jobs, {@link TaskTimes#best}), plain -> salted,
   * where the engine timed its tasks. Wall time also counts waiting for a core and GC pauses, which salting
   * does not remove; CPU time is the task's own work.
   */
  private static void timeCut(List<String> out, String key, String engine, String remedy, BenchResult plain, BenchResult salted) {
    String[] scopes = {"after the shuffle", "in the whole job"};
    Double[][] pairs = {
        {plain.maxShuffledTaskMs(), salted.maxShuffledTaskMs(), plain.maxShuffledTaskCpuMs(), salted.maxShuffledTaskCpuMs()},
        {plain.maxTaskMs(), salted.maxTaskMs(), plain.maxTaskCpuMs(), salted.maxTaskCpuMs()}};
    for (int i = 0; i < scopes.length; i++) {
      String wall = timeCut(pairs[i][0], pairs[i][1]);
      String cpu = timeCut(pairs[i][2], pairs[i][3]);
      if (!wall.isEmpty() || !cpu.isEmpty()) {
        out.add(String.format(Locale.ROOT, "%-16s %s %s cuts the longest task %s: wall %s; CPU %s",
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
        BenchTable.verdict(cut >= SALTING_CUT_TARGET));
  }

  private static Optional<BenchResult> find(List<BenchResult> rows, String size, String engine) {
    return BenchTable.find(rows, "skew", size, engine);
  }
}
