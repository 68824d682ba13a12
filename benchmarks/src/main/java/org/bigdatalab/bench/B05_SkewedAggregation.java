package org.bigdatalab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.KeyValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Sum per key over Zipf-skewed keys: what skew costs a dataflow engine, and what two-phase salting
 * buys back.
 *
 * Input: `size` (key, value) records from workloads' SkewedPairsGenerator (100 000 keys, exponent
 * 0 = uniform, 1.0, 1.5; values below 10^6), held in memory, so the clock sees the aggregation
 * and not the parsing (see SkewData).
 *
 * baseline is the single-core limit, written by hand: keys are dense ranks in an int[], values a
 * long[], and the sums a long[] indexed by key, one add per record, nothing allocated. No engine
 * can beat it on one thread; the question is how much of it an engine keeps per thread.
 *
 * measureEngine runs the plain aggregation (reduceByKey(Long::sum) into 4 partitions per core) or,
 * with salted=true, SaltedAggregation.salt (s = partitions salts) → reduceByKey → strip the salt
 * → reduceByKey: the two-phase plan of the skew clauses. aggregation=groupByKey is the same with
 * groupByKey + a sum of each group in place of the (first) reduceByKey: no map-side combine, so
 * every record of a hot key travels to one reducer, which is the case salting is for. Every invocation's result is compared
 * with the hand-written sums: a fast wrong aggregate is not a result.
 *
 * Beside the time, the largest task's share of the work is kept: for each stage after a shuffle,
 * the records its largest task read over the records all its tasks read (StageMetrics), the
 * largest over those stages. With 8 partitions, 1/8 = 0.125 is a perfect balance; 1.0 is one task
 * doing everything. The wrong way to read it: without a map-side combine, exponent 1.5 sends ~38%
 * of all records (key k000001's share) to one reduce task; both reference engines combine
 * map-side, so a reduce task reads at most one record per key per input partition, and what is
 * left of the skew is which task holds the most distinct keys. Salting then has little to cut;
 * the groupByKey rows show the skew, and the cut, that the combine hides.
 *
 * Measured (lab bench --workload skew --size small: 1 M records, 2 vCPUs shared with other builds,
 * load ~8, one measured iteration, JDK 17; 8 partitions, 8 salts):
 *                               z=0                  z=1.0                z=1.5          max task (z=1.5)
 *   hand-written (1 thread)  131 M rec/s  1.00    187 M rec/s  1.00    208 M rec/s  1.00
 *   df-sequential            1.33 M       0.010   1.59 M       0.0085  16.1 M       0.077     0.126
 *   df-sequential+salted     0.39 M       0.0030  0.90 M       0.0048  4.38 M       0.021     0.127
 *   df-parallel (2 t)        0.78 M       0.0060  1.42 M       0.0076  3.83 M       0.018     0.126
 *   df-parallel+salted       0.17 M       0.0013  0.32 M       0.0017  2.94 M       0.014     0.127
 *   df-parallel/groupByKey   4.21 M       0.032   6.73 M       0.036   5.08 M       0.024     0.424
 *   .../groupByKey+salted    0.64 M       0.0049  1.49 M       0.0079  2.66 M       0.013     0.127
 * The engines keep 0.3-1% of the primitive loop per thread (boxed KeyValue<Integer, Long> records,
 * a hash map per task, an in-memory shuffle); uniform keys are the slowest for them (more distinct
 * keys per task to combine and shuffle). Salting cuts the largest task 3.3x (0.424 -> 0.127) only
 * where nothing combined map-side; with reduceByKey it only adds a stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class B05_SkewedAggregation {

  /** The records (per size and exponent, cached in the fork) and the expected sums. */
  @State(Scope.Benchmark)
  public static class Input {
    @Param("1M")
    public String size;

    @Param({"0", "1.0", "1.5"})
    public String exponent;

    SkewData data;
    List<KeyValue<Integer, Long>> pairs;

    @Setup(Level.Trial)
    public void generate() {
      data = SkewData.of(SkewData.records(size), Double.parseDouble(exponent));
    }

    List<KeyValue<Integer, Long>> pairs() {
      if (pairs == null) {
        pairs = data.pairs();
      }
      return pairs;
    }
  }

  @State(Scope.Benchmark)
  public static class Engine {
    @Param({"df-sequential", "df-parallel"})
    public String engine;

    @Param({"false", "true"})
    public boolean salted;

    /** reduceByKey (combines map-side) or groupByKey then sum (no combine: the skew reaches the reducers). */
    @Param({"reduceByKey", "groupByKey"})
    public String aggregation;

    DataflowEngine df;
    Dataset<KeyValue<Integer, Long>> aggregate;
    ActionMetrics metrics;

    @Setup(Level.Trial)
    public void start(Input input) {
      EngineRegistry registry = EngineRegistry.load();
      if (registry.find(engine).isEmpty()) {
        throw new IllegalStateException("engine '" + engine + "' is not on the class path; registered: "
            + registry.engines().stream().map(i -> i.id()).toList());
      }
      df = registry.create(engine, DataflowEngine.class, EngineOptions.NONE);
      aggregate = plan(input.pairs(), salted, aggregation.equals("groupByKey"));
    }

    @TearDown(Level.Trial)
    public void stop(Input input) throws Exception {
      if (metrics != null) {
        SkewData.writeShare(input.size, input.exponent, rowEngine(engine, salted, aggregation), maxTaskShare(metrics));
      }
      if (df != null) {
        df.close();
      }
    }
  }

  /** Input and output partitions of every plan: four per core, as BenchData gives MapReduce. */
  static int partitions() {
    return BenchData.reducers() * 4;
  }

  /** The row's engine label: {@code df-parallel}, {@code df-parallel+salted}, {@code df-parallel/groupByKey+salted}. */
  static String rowEngine(String engine, boolean salted, String aggregation) {
    return engine + (aggregation.equals("groupByKey") ? "/groupByKey" : "") + (salted ? "+salted" : "");
  }

  static Dataset<KeyValue<Integer, Long>> plan(List<KeyValue<Integer, Long>> pairs, boolean salted, boolean grouped) {
    int p = partitions();
    PairDataset<Integer, Long> input = PairDataset.of(Dataset.of(pairs, p));
    if (!salted) {
      return grouped ? input.groupByKey(p).mapValues(B05_SkewedAggregation::sum).asDataset()
          : input.reduceByKey(Long::sum, p).asDataset();
    }
    PairDataset<org.bigdatalab.dataflow.jobs.SaltedKey<Integer>, Long> saltedInput = SaltedAggregation.salt(input, p);
    PairDataset<org.bigdatalab.dataflow.jobs.SaltedKey<Integer>, Long> partial = grouped
        ? saltedInput.groupByKey(p).mapValues(B05_SkewedAggregation::sum) : saltedInput.reduceByKey(Long::sum, p);
    PairDataset<Integer, Long> stripped = PairDataset.of(partial.asDataset().map(kv -> KeyValue.of(kv.key().key(), kv.value())));
    return stripped.reduceByKey(Long::sum, p).asDataset();
  }

  private static long sum(List<Long> values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  @Benchmark
  public List<KeyValue<Integer, Long>> measureEngine(Input input, Engine engine) throws DataflowFailedException {
    ActionResult<List<KeyValue<Integer, Long>>> result = engine.df.execute(Action.collect(engine.aggregate));
    input.data.check(result.value(), rowEngine(engine.engine, engine.salted, engine.aggregation));
    engine.metrics = result.metrics();
    return result.value();
  }

  @Benchmark
  public long[] baseline(Input input) {
    return sumByHand(input.data.keys, input.data.values, input.data.keySpace);
  }

  /** The hand-written loop: one add per record into a long[] indexed by the key. */
  public static long[] sumByHand(int[] keys, long[] values, int keySpace) {
    long[] sums = new long[keySpace + 1];
    for (int i = 0; i < keys.length; i++) {
      sums[keys[i]] += values[i];
    }
    return sums;
  }

  /**
   * The largest task's share of its stage's records, the largest over the stages that read a
   * shuffle (source stages are split evenly by construction); 0 when no such stage ran.
   */
  public static double maxTaskShare(ActionMetrics metrics) {
    double max = 0;
    for (StageMetrics s : metrics.stages()) {
      if (s.start().equals("parallelize")) {
        continue;
      }
      long total = s.taskInputRecords().stream().mapToLong(Long::longValue).sum();
      if (total > 0) {
        max = Math.max(max, s.largestTask() / (double) total);
      }
    }
    return max;
  }
}

/*
 * How to run (from the repository root):
 *   ./lab bench --workload skew --size small     (1 M records, exponents 0, 1.0, 1.5)
 *   ./lab bench --workload skew --size full      (10 M and 50 M records)
 * or this file alone, with JMH's own runner:
 *   ./mvnw -q -pl benchmarks -am install -DskipTests
 *   java $(sed -n 's/^jvm.flags=//p' benchmarks/target/classes/lab-build.properties) -Xmx8g \
 *       -cp "benchmarks/target/classes:$(cat benchmarks/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B05_SkewedAggregation -p size=10M -p exponent=0,1.5 -p engine=df-parallel -p salted=false,true
 */
