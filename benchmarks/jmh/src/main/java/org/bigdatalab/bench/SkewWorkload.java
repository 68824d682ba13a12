package org.bigdatalab.bench;

import static org.bigdatalab.bench.BenchRunner.BASELINE;
import static org.bigdatalab.bench.BenchRunner.JOIN_BASELINE;
import static org.bigdatalab.bench.BenchRunner.jmh;
import static org.bigdatalab.bench.BenchRunner.jmhLog;
import static org.bigdatalab.bench.BenchRunner.measureEverywhere;
import static org.bigdatalab.bench.BenchRunner.measureStartUps;
import static org.bigdatalab.bench.BenchRunner.options;
import static org.bigdatalab.bench.BenchRunner.round;
import static org.bigdatalab.bench.BenchRunner.threadsOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bigdatalab.bench.BenchRunner.Plan;
import org.bigdatalab.spi.Topic;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code lab bench --workload skew}: the hand-written loop, then every dataflow engine plain and salted (B05),
 * record at a time (reduceByKey, groupByKey) and DataFrame-style (columns: columnar source, declared sum);
 * then the join over the same skewed keys (B10: shuffle, salted by hand, the engine's skew split where it
 * supports skew.join.split, broadcast) beside the hand-written join. Engines that cannot share the lab's
 * class path (spark) are measured in a JVM of their own ({@link #engineHalf}). Sizes are record counts:
 * {@code small} = 1M, {@code full} = 10M and 50M; a row's {@code size} is {@code <records>-z<exponent>},
 * its metric {@code records/s}, its {@code maxTaskShare} the largest task's share of its stage.
 */
final class SkewWorkload implements Workload {
  private static final String B05 = B05_SkewedAggregation.class.getName();
  private static final String B10 = B10_SkewedJoin.class.getName();

  @Override public String name() {
    return "skew";
  }

  @Override public Topic topic() {
    return Topic.DATAFLOW;
  }

  @Override public List<String> sizes(String size) {
    return Workload.sizes(size, "1M", List.of("10M", "50M"), exact -> Integer.toString(SkewData.records(exact)).replaceAll("000000$", "M"));
  }

  @Override public Optional<EngineBench> engineHalf() {
    return Optional.of(this::measureEngines);
  }

  @Override public String rowEngine(BenchmarkParams params) {
    return params.getParam("strategy") != null
        ? B10_SkewedJoin.rowEngine(params.getParam("engine"), params.getParam("strategy"))
        : params.getParam("salted") != null
        ? B05_SkewedAggregation.rowEngine(params.getParam("engine"), Boolean.parseBoolean(params.getParam("salted")),
            params.getParam("aggregation"))
        : params.getParam("engine");
  }

  @Override public String progressLabel(String size, BenchmarkParams params) {
    String exponent = params.getParam("exponent");
    return Workload.super.progressLabel(exponent != null ? size + "-z" + exponent : size, params);
  }

  /**
   * The input lives as primitive arrays (24 bytes a record: the loop's and the slices' copies) and as boxed
   * records (about 60 bytes, SkewSlice): 819 MB live at 10 M records, about 4.1 GB at 50 M. A fixed heap of
   * 250 bytes a record and at least 6 GB, half of it young ({@link #forkGcFlags}), keeps the held input under
   * G1's marking threshold with at least a gigabyte to spare (10 M: 6 GB; 50 M: 11.6 GB).
   */
  @Override public long heapMegabytes(long records) {
    return Math.max(6144, records * 250 >> 20);
  }

  /** The heap starts at its maximum: G1's young generation and marking threshold are fractions of it ({@link #forkGcFlags}). */
  @Override public boolean fixedHeap() {
    return true;
  }

  /**
   * G1 as every skew fork runs it (baseline, plain and salted, joins): young generation half the heap
   * ({@code NewRatio=1}), 32 MB regions, a fixed marking threshold of 45% ({@code -G1UseAdaptiveIHOP}), so
   * that no concurrent marking cycle runs in the measured jobs. On 2 cores a marking cycle is a third runnable
   * thread, and the task that shares a core with it takes twice its CPU time on the wall (the salting row's
   * misses, RESULTS.md session 10, s10-skew). Per 10 M groupByKey job at z = 1.5 (marking threads' CPU since
   * the job before, the fork's log line; same hour, load 3-9):
   *
   * <ul>
   *   <li>growing heap, -Xmx2048m (what the lab gave before): 0-465 ms plain, 51-593 ms salted; 5-6 cycles a
   *       fork besides undone ones, most started by a humongous allocation (arrays over half a 1 MB region count
   *       as old at once), the held input 819 MB against a 922 MB threshold.
   *   <li>fixed 4 GB, threshold 70%, no adaptive threshold (2 MB regions): 5-6 ms in 4 of 12 plain jobs, each
   *       an undone cycle started by the hot partition's humongous arrays.
   *   <li>fixed 4 GB, 32 MB regions, default threshold: one full cycle (239 ms, then a mixed collection).
   *   <li>fixed 4 GB, 32 MB regions, 70%, no adaptive: 0 in 11 jobs, but G1 had shrunk the young generation to
   *       5 regions (160 MB, for its pause goal after the long pauses that copy the input), so each young
   *       collection promoted the job's live shuffle data: old grew 1.5 -> 2.3 GB in 6.5 s, heading for the
   *       threshold on a faster machine (more jobs a second).
   *   <li>these flags, fixed 6 GB: 0 in every job of four forks (and of reduceByKey's and columns'); 3-4 young
   *       collections a fork in all, no concurrent start, old flat at 0.7-0.9 GB after them (the input).
   * </ul>
   * The engine's own arrays are unchanged; only the plain hot partition's gathered arrays (over 16 MB) are still
   * humongous, and they die at the next young collection.
   *
   * <p>{@code AlwaysPreTouch}: a young generation of 3 GB is otherwise first written by the measured jobs, each
   * job's allocation faulting in fresh zeroed pages. Quiet, reduceByKey ran 75-79 ms a job at z = 0 and 1.0 on
   * this heap without it (session 10 run 1) and 57-61 ms with it and {@code settleHeap} (run 2). At z = 1.5
   * one fork a side is too few to compare flags: forks with these flags alike ran 53-73 ms a job (eight forks,
   * each within a few percent over its own iterations, median 62), and forks on the growing 2 GB heap 60-135
   * ms (five, median 77, marking in each), 2026-12-07, RESULTS.md session 11. Touching the heap at the fork's
   * start costs a second or two, outside the measurement.
   */
  @Override public List<String> forkGcFlags() {
    return List.of("-XX:NewRatio=1", "-XX:G1HeapRegionSize=32m", "-XX:InitiatingHeapOccupancyPercent=45",
        "-XX:-G1UseAdaptiveIHOP", "-XX:+AlwaysPreTouch");
  }

  @Override public List<String> targets(List<BenchResult> rows) {
    return SkewTargets.lines(rows);
  }

  /** Zipf exponents of the {@code skew} runs: uniform, classic Zipf, and heavy skew. */
  static final List<String> SKEW_EXPONENTS = List.of("0", "1.0", "1.5");

  /**
   * Record at a time: reduceByKey (map-side combine) and groupByKey + sum (none); DataFrame-style:
   * columns (an int/long columnar source and a declared sum); each plain and salted.
   */
  static final List<String> SKEW_AGGREGATIONS = List.of("reduceByKey", "groupByKey", "columns");

  /** The engine's row ids under a plan, which may narrow {@code aggregation} and {@code salted}. */
  private static List<String> variants(String engine, Plan plan) {
    List<String> ids = new ArrayList<>();
    for (String aggregation : plan.values("aggregation", SKEW_AGGREGATIONS)) {
      for (String salted : plan.values("salted", List.of("false", "true"))) {
        ids.add(B05_SkewedAggregation.rowEngine(engine, Boolean.parseBoolean(salted), aggregation));
      }
    }
    return ids;
  }

  private static boolean isJoin(String rowEngine) {
    return rowEngine.contains("/join");
  }

  /** B10's strategies an engine runs: the skew split only where the engine supports skew.join.split. */
  private static List<String> joinStrategies(String engine, Plan plan) {
    boolean splits = org.bigdatalab.spi.EngineRegistry.load().find(engine)
        .map(provider -> !provider.info().unsupported().containsKey(org.bigdatalab.dataflow.SkewClauses.JOIN_SPLIT)).orElse(false);
    return plan.values("strategy", B10_SkewedJoin.STRATEGIES).stream().filter(st -> splits || !st.equals("split")).toList();
  }

  /**
   * Up to 1 M records: a smoke run; larger: two measured seconds per engine, after five warm-up seconds up to
   * 10 M records (two beyond, where each job is several seconds long). The engine rows' warm-up is what lets
   * the JIT finish: a salted plan has more code to compile than a plain one (7.8 s of compilation against
   * 5.3 s for groupByKey at 10M, z=1.5, 2026-12-07), and with one warm-up second the compiler still worked
   * 120-550 ms in each measured second, on a core the tasks needed: on 2 cores the longest task's wall time
   * grew while its CPU time did not (quiet 2026-12-07: salted 49.9 ms wall for 23.3 ms CPU), which is the
   * benchmark's warm-up, not skew. After six warm-up seconds: 2-160 ms (each job's share is in the fork's log).
   */
  static Plan plan(int records) {
    if (records <= 1_000_000) {
      return new Plan(1, 1, 1, 1, 1, Mode.AverageTime);
    }
    return new Plan(1, 1, records <= 10_000_000 ? 5 : 2, 2, 1, Mode.AverageTime);
  }

  /**
   * B05: the hand-written primitive loop per exponent, measured here, then every dataflow engine
   * with and without two-phase salting ({@link #measureEngines}, in this JVM or in its forked
   * module's). Rows: the ratio to the hand-written loop at the same size and exponent,
   * {@code startupMs} the engine's start-up.
   */
  @Override public BenchReport runSize(EngineChoice engines, String size, Consumer<String> progress, Plan fixed) {
    int records = SkewData.records(size);
    Plan plan = fixed != null ? fixed : plan(records);
    List<String> exponents = plan.values("exponent", SKEW_EXPONENTS);
    progress.accept("preparing skew input " + size + " records, exponents " + exponents + " (cached under " + BenchData.dir() + ")");
    for (String e : exponents) {
      SkewData.of(records, Double.parseDouble(e));
    }
    Map<String, Double> baselines = new LinkedHashMap<>();
    for (RunResult result : jmh(options(this, size, records, plan, plan.baselineWarmups())
        .include(Pattern.quote(B05) + "\\.baseline$").param("exponent", exponents.toArray(String[]::new)).build(),
        this, size, records, "records/s", false, progress)) {
      baselines.put(result.getParams().getParam("exponent"), records / (result.getPrimaryResult().getScore() / 1000.0));
    }
    Map<String, Double> joinBaselines = new LinkedHashMap<>();
    if (plan.values("join", List.of("true")).contains("true")) {
      for (RunResult result : jmh(options(this, size, records, plan, plan.baselineWarmups())
          .include(Pattern.quote(B10) + "\\.baseline$").param("exponent", exponents.toArray(String[]::new)).build(),
          this, size, records, "records/s", false, progress)) {
        joinBaselines.put(result.getParams().getParam("exponent"), records / (result.getPrimaryResult().getScore() / 1000.0));
      }
    }
    List<BenchResult> measured = engines.all().isEmpty() ? List.of() : measureEverywhere(this, engines, size, plan, progress);
    List<BenchResult> rows = new ArrayList<>();
    for (String e : exponents) {
      String label = size + "-z" + e;
      Double baseline = baselines.get(e);
      if (baseline == null) {
        progress.accept("the hand-written baseline failed (skew, " + label + "), so no ratio can be given; see " + jmhLog("skew", size));
        continue;
      }
      rows.add(new BenchResult("skew", BASELINE, label, 1, "records/s", round(baseline), BASELINE, 1.0, null, null, null));
      Double joinBaseline = joinBaselines.get(e);
      if (joinBaseline != null) {
        rows.add(new BenchResult("skew", JOIN_BASELINE, label, 1, "records/s", round(joinBaseline), JOIN_BASELINE, 1.0, null, null, null));
      }
      measured.stream().filter(r -> r.size().equals(label)).forEach(r -> rows.add(isJoin(r.engine())
          ? (joinBaseline == null ? r : r.against(JOIN_BASELINE, round(joinBaseline))) : r.against(BASELINE, round(baseline))));
    }
    return BenchReport.of(rows);
  }

  /**
   * B05's engine half ({@link EngineBench}): each engine's start-up, then its variants (reduceByKey
   * and groupByKey, plain and salted) at every exponent, with the largest task's share and the
   * longest tasks' wall and CPU times that the fork left behind.
   */
  List<BenchResult> measureEngines(List<String> engines, String size, Plan plan, Consumer<String> progress) {
    int records = SkewData.records(size);
    List<String> exponents = plan.values("exponent", SKEW_EXPONENTS);
    for (String e : exponents) {
      for (String engine : engines) {
        variants(engine, plan).forEach(id -> SkewData.deleteShare(size, e, id));
      }
    }
    Map<String, Double> startUps = measureStartUps(engines, this, size, plan, progress);
    Map<String, Double> perSecond = new LinkedHashMap<>();
    for (RunResult result : jmh(options(this, size, records, plan, plan.engineWarmups())
        .include(Pattern.quote(B05) + "\\.measureEngine$").param("exponent", exponents.toArray(String[]::new))
        .param("engine", engines.toArray(String[]::new)).param("salted", plan.values("salted", List.of("false", "true")).toArray(String[]::new))
        .param("aggregation", plan.values("aggregation", SKEW_AGGREGATIONS).toArray(String[]::new)).build(),
        this, size, records, "records/s", true, progress)) {
      double msPerJob = result.getPrimaryResult().getScore();
      perSecond.put(result.getParams().getParam("exponent") + " " + rowEngine(result.getParams()), records / (msPerJob / 1000.0));
    }
    Map<String, List<String>> joinIds = new LinkedHashMap<>();
    if (plan.values("join", List.of("true")).contains("true")) {
      for (String engine : engines) {
        List<String> strategies = joinStrategies(engine, plan);
        joinIds.put(engine, strategies.stream().map(st -> B10_SkewedJoin.rowEngine(engine, st)).toList());
        exponents.forEach(e -> joinIds.get(engine).forEach(id -> SkewData.deleteShare(size, e, id)));
        for (RunResult result : jmh(options(this, size, records, plan, plan.engineWarmups())
            .include(Pattern.quote(B10) + "\\.measureEngine$").param("exponent", exponents.toArray(String[]::new))
            .param("engine", engine).param("strategy", strategies.toArray(String[]::new)).build(),
            this, size, records, "records/s", true, progress)) {
          double msPerJob = result.getPrimaryResult().getScore();
          perSecond.put(result.getParams().getParam("exponent") + " " + rowEngine(result.getParams()), records / (msPerJob / 1000.0));
        }
      }
    }
    List<BenchResult> rows = new ArrayList<>();
    for (String e : exponents) {
      String label = size + "-z" + e;
      for (String engine : engines) {
        List<String> ids = new ArrayList<>(variants(engine, plan));
        ids.addAll(joinIds.getOrDefault(engine, List.of()));
        for (String id : ids) {
          Double value = perSecond.get(e + " " + id);
          if (value == null) {
            progress.accept("no result for " + id + " (skew, " + label + "): it failed; see " + jmhLog("skew", size));
            continue;
          }
          Double share = SkewData.readShare(size, e, id).map(BenchRunner::round).orElse(null);
          BenchResult row = new BenchResult("skew", id, label, threadsOf(engine), "records/s", round(value), null, 0, null, null,
              share, startUps.get(engine));
          rows.add(TaskTimes.read(SkewData.timesFile(size, e, id)).map(row::withTaskTimes).orElse(row));
        }
      }
    }
    return rows;
  }
}
