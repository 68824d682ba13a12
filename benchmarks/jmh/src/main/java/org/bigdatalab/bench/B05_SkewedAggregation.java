package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
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
import org.openjdk.jmh.annotations.Warmup;

/*
 * Sum per key over Zipf-skewed keys: what skew costs a dataflow engine, and what two-phase salting
 * buys back.
 *
 * Input: `size` (key, value) records from workloads' SkewedPairsGenerator (100 000 keys, exponent
 * 0 = uniform, 1.0, 1.5; values below 10^6), generated once and held as an int[] and a long[]
 * (SkewData). The hand-written loop reads those arrays; the record-at-a-time rows read the same
 * records as KeyValue<Integer, Long>, one slice per partition, boxed once in the trial's setup
 * (SkewSlice), as a user's dataset of records exists before the job: data generation and boxing
 * are outside the clock (until 2026-12-07 each task boxed its records as it read them, and that
 * was 35% of df-parallel's reduceByKey time). An engine that ships slices to another JVM boxes
 * there, as it would reading a file.
 *
 * baseline is the single-core limit, written by hand: keys are dense ranks in an int[], values a
 * long[], and the sums a long[] indexed by key, one add per record, nothing allocated. No engine
 * can beat it on one thread; the question is how much of it an engine keeps per thread.
 * boxedHashMap is the wrong way by hand, for scale: the engines' boxed records merged into a
 * HashMap<Integer, Long>. boxedRecordsByHand is the right way by hand over those records, the floor
 * of a record-at-a-time engine: the boxed records summed into a long[] by key.
 *
 * measureEngine runs the plain aggregation (reduceByKey(Long::sum) into 4 partitions per core) or,
 * with salted=true, salt (s = partitions salts) → reduceByKey → strip the salt → reduceByKey: the
 * two-phase plan of the skew clauses. aggregation=groupByKey is the same with groupByKey + a sum of
 * each group in place of the (first) reduceByKey: no map-side combine, so every record of a hot
 * key travels to one reducer, which is the case salting is for. Every invocation's result is
 * compared with the hand-written sums: a fast wrong aggregate is not a result. Those rows are record
 * at a time: every record is a boxed KeyValue<Integer, Long> read through a flatMap. (df-parallel's
 * reduceByKey(Long::sum) keeps only each record's two primitives from there, RecordLongReduce.)
 *
 * aggregation=columns is the DataFrame-style row (label df-parallel/columns): the same two arrays,
 * unsliced and uncopied, as PairDataset.ofIntLongColumns, summed by a declared sumLongsByKey. The
 * engine knows both what it reads and what it computes, so df-parallel runs each map task as one
 * primitive loop into a dense array (keys span a narrow range) or an int->long hash table, shuffles
 * those primitive tables and boxes only the output (FusedLongAggregate), as Spark's Tungsten path
 * does for a DataFrame's groupBy().sum(). df-sequential and spark box the columns and run the
 * reduceByKey it declares. Salted, the salt is a map over boxed records, so columns+salted is the
 * record-at-a-time path from the salt on (not measured below: it is the +salted row's cost).
 * threads sets the engine's threads option (0: its default, every core).
 *
 * Beside the time, the largest task's share of the work is kept: for each stage after a shuffle,
 * the records its largest task read over the records all its tasks read (StageMetrics), the
 * largest over those stages. With 8 partitions, 1/8 = 0.125 is a perfect balance; 1.0 is one task
 * doing everything. A share of records is not yet a share of the clock, so the fork also keeps the
 * longest task's time on both clocks, StageMetrics.taskNanos (wall) and taskCpuNanos (the task
 * thread's CPU time, as Spark's executorCpuTime beside executorRunTime), over the whole job and
 * over the stages after a shuffle: the best over the measured jobs (warm-up jobs left out; the job
 * least disturbed by the load), each job logged, and handed to `lab bench --workload skew`
 * (TaskTimes), whose targets compare them plain -> salted at z=1.5. Without a map-side combine, exponent 1.5
 * sends ~42% of all records to one reduce task; both reference engines combine map-side, so a
 * reduce task reads at most one record per key per input partition, and salting has nothing left
 * to cut: the largest task is then a map task, and salting makes it slower.
 *
 * Measured runs (record at a time, DataFrame-style, the time side of salting, and what each change to
 * df-parallel did to them): benchmarks/RESULTS.md.
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
    private List<SkewSlice> slices;

    @Setup(Level.Trial)
    public void generate() {
      data = SkewData.of(SkewData.records(size), Double.parseDouble(exponent));
    }

    List<SkewSlice> slices() {
      if (slices == null) {
        slices = data.slices(partitions());
      }
      return slices;
    }
  }

  @State(Scope.Benchmark)
  public static class Engine extends SkewEngineRun {
    @Param({"false", "true"})
    public boolean salted;

    /**
     * Record at a time: reduceByKey (combines map-side) or groupByKey then sum (no combine: the skew
     * reaches the reducers), over boxed records read through a flatMap. DataFrame-style: columns, the
     * same arrays as an int/long columnar source and a declared sum ({@code sumLongsByKey}).
     */
    @Param({"reduceByKey", "groupByKey", "columns"})
    public String aggregation;

    Dataset<KeyValue<Integer, Long>> aggregate;

    @Setup(Level.Trial)
    public void start(Input input) {
      startEngine();
      aggregate = aggregation.equals("columns") ? columnsPlan(input.data, partitions(), salted)
          : plan(input.slices(), salted, aggregation.equals("groupByKey"));
      settleHeap();
    }

    @Override String bench() { return "B05"; }

    @Override String row() { return rowEngine(engine, salted, aggregation); }
  }

  /** Input and output partitions of every plan: four per core, as BenchData gives MapReduce. */
  static int partitions() {
    return BenchData.reducers() * 4;
  }

  /**
   * The row's engine label: {@code df-parallel} (record at a time, reduceByKey), {@code df-parallel+salted},
   * {@code df-parallel/groupByKey+salted}, {@code df-parallel/columns} (columnar source, declared sum).
   */
  static String rowEngine(String engine, boolean salted, String aggregation) {
    String variant = switch (aggregation) {
      case "groupByKey" -> "/groupByKey";
      case "columns" -> "/columns";
      default -> "";
    };
    return engine + variant + (salted ? "+salted" : "");
  }

  /**
   * The DataFrame-style plan: the whole arrays as an int/long columnar source in {@code p} slices (no
   * copy), summed by a declared {@code sumLongsByKey}, which an engine may run without a boxed record.
   * Salted, the salt is a map over boxed records, so from there it is the record-at-a-time path.
   */
  static Dataset<KeyValue<Integer, Long>> columnsPlan(SkewData data, int p, boolean salted) {
    PairDataset<Integer, Long> input = PairDataset.ofIntLongColumns(data.keys, data.values, p);
    if (!salted) {
      return input.sumLongsByKey(p).asDataset();
    }
    PairDataset<Integer, Long> partial = salt(input, p).sumLongsByKey(p);
    return unsalt(partial, p).sumLongsByKey(p).asDataset();
  }

  /** The plan over the slices (one partition each), read record by record through a flatMap (see {@link SkewSlice}). */
  static Dataset<KeyValue<Integer, Long>> plan(List<SkewSlice> slices, boolean salted, boolean grouped) {
    int p = slices.size();
    PairDataset<Integer, Long> input = PairDataset.of(Dataset.of(slices, p).flatMap(SkewSlice::records));
    if (!salted) {
      return grouped ? input.groupByKey(p).mapValues(B05_SkewedAggregation::sum).asDataset()
          : input.reduceByKey(Long::sum, p).asDataset();
    }
    PairDataset<Integer, Long> saltedInput = salt(input, p);
    PairDataset<Integer, Long> partial = grouped
        ? saltedInput.groupByKey(p).mapValues(B05_SkewedAggregation::sum) : saltedInput.reduceByKey(Long::sum, p);
    return unsalt(partial, p).reduceByKey(Long::sum, p).asDataset();
  }

  /**
   * Salt s of a record is its value mod s: the values are uniform below 10^6, so that is as good as
   * a random salt and the same on a retry, and it costs one map with no state. (The suite's
   * SaltedAggregation.salt counts each key's records per partition in a boxed HashMap to promise
   * skew.salting.load-bound; on 10 M records that count alone took ten times the plain
   * aggregation's map task, which would measure the counter rather than what salting does to skew.)
   *
   * <p>The salted key is packed into one Integer, key * salts + salt, as a practitioner concatenates
   * key and salt into one column, rather than the suite's SaltedKey record: a record key costs two
   * more objects per record to allocate, hash and compare (SaltedKey, then the Integer inside), and
   * keeps the engine's int-key table off its fast path. SkewData's keys are dense ranks below
   * 100 000, so the product never overflows (checked).
   */
  static PairDataset<Integer, Long> salt(PairDataset<Integer, Long> input, int salts) {
    return PairDataset.of(input.asDataset().map(kv -> KeyValue.of(
        Math.addExact(Math.multiplyExact(kv.key(), salts), (int) Math.floorMod(kv.value(), (long) salts)), kv.value())));
  }

  /** The key without its salt: the inverse of {@link #salt}'s packing. */
  static PairDataset<Integer, Long> unsalt(PairDataset<Integer, Long> salted, int salts) {
    return PairDataset.of(salted.asDataset().map(kv -> KeyValue.of(Math.floorDiv(kv.key(), salts), kv.value())));
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
    input.data.check(result.value(), engine.row());
    engine.ran(result.metrics());
    return result.value();
  }

  @Benchmark
  public long[] baseline(Input input) {
    return sumByHand(input.data.keys, input.data.values, input.data.keySpace);
  }

  /**
   * The wrong way by hand, for scale: the records an engine reads (boxed, from the same slices)
   * summed in a HashMap of boxed Longs, one merge and one new Long per record.
   */
  @Benchmark
  public Map<Integer, Long> boxedHashMap(Input input) {
    Map<Integer, Long> sums = new HashMap<>();
    for (SkewSlice slice : input.slices()) {
      for (KeyValue<Integer, Long> kv : slice.records()) {
        sums.merge(kv.key(), kv.value(), Long::sum);
      }
    }
    return sums;
  }

  /**
   * The floor of any record-at-a-time reader, by hand: the same boxed records the engines read, one slice
   * after another, summed into a long[] by key on one thread. It pays what reading boxed records costs (a
   * reference, a KeyValue, an Integer and a Long per record, about 60 bytes against the loop's 12) and
   * nothing else; an engine's record row per thread cannot beat it.
   */
  @Benchmark
  public long[] boxedRecordsByHand(Input input) {
    long[] sums = new long[input.data.keySpace + 1];
    for (SkewSlice slice : input.slices()) {
      for (KeyValue<Integer, Long> kv : slice.records()) {
        sums[kv.key()] += kv.value();
      }
    }
    return sums;
  }

  /** The hand-written loop: one add per record into a long[] indexed by the key. */
  public static long[] sumByHand(int[] keys, long[] values, int keySpace) {
    long[] sums = new long[keySpace + 1];
    for (int i = 0; i < keys.length; i++) {
      sums[keys[i]] += values[i];
    }
    return sums;
  }

  /** Whether a stage starts at a source (records or columns), which are split evenly by construction. */
  static boolean readsSource(StageMetrics s) {
    return s.start().equals("parallelize") || s.start().equals("intLongColumns");
  }

  /**
   * The largest task's share of its stage's records, the largest over the stages that read a
   * shuffle (source stages are split evenly by construction); 0 when no such stage ran.
   */
  public static double maxTaskShare(ActionMetrics metrics) {
    double max = 0;
    for (StageMetrics s : metrics.stages()) {
      if (readsSource(s)) {
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
 * or this file alone, with JMH's own runner (its forks inherit the runner's flags: the lab's heap and G1 settings
 * at 10 M records, SkewWorkload.heapMegabytes and forkGcFlags; without them G1's marking shares the tasks' cores):
 *   ./mvnw -q -pl benchmarks/lab -am package -DskipTests -Dguide.skipRender=true
 *   java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) -Xms6g -Xmx6g \
 *       -XX:NewRatio=1 -XX:G1HeapRegionSize=32m -XX:InitiatingHeapOccupancyPercent=45 -XX:-G1UseAdaptiveIHOP -XX:+AlwaysPreTouch \
 *       -cp "benchmarks/jmh/target/classes:$(cat benchmarks/lab/target/lab.classpath)" org.openjdk.jmh.Main \
 *       B05_SkewedAggregation -p size=10M -p exponent=0,1.5 -p engine=df-parallel -p salted=false,true
 * the DataFrame-style rows against the loop, on 2 threads:
 *   ... org.openjdk.jmh.Main 'B05_SkewedAggregation.(baseline|measureEngine)$' -p size=10M \
 *       -p exponent=0,1.0,1.5 -p engine=df-parallel -p salted=false -p aggregation=columns,reduceByKey -p threads=2
 * the time side of salting (the longest tasks' wall and CPU time per job, in the fork's log as "B05   job:"):
 *   ... org.openjdk.jmh.Main 'B05_SkewedAggregation.measureEngine$' -p size=10M -p exponent=1.5 -p engine=df-parallel \
 *       -p aggregation=groupByKey -p salted=false,true -f 1 -wi 2 -i 8 -prof gc
 */
