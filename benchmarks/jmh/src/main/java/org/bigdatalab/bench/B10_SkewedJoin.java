package org.bigdatalab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.SkewClauses;
import org.bigdatalab.dataflow.SkewJoinPolicy;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;
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
 * A join over Zipf-skewed keys: B05's (key, value) records (the fact side, read record by record from
 * the same slices) joined with a dimension of one (key, attribute) record per key, attribute = key,
 * then value + attribute summed per key, so a result is 100 000 sums to check against the hand-written
 * loop rather than 10 M pairs to collect. The question is what skew does to the join's largest task,
 * and what each remedy buys back:
 *   join            shuffle join: both sides hash-partitioned by key; every record of a hot key meets
 *                   its one dimension record in one task (at z=1.5, ~42% of the fact side);
 *   join+salted     salting by hand, as one does on an engine without adaptive execution: the fact key
 *                   gets a salt (value mod s, s = partitions), the dimension is copied once per salt,
 *                   the join runs on (key, salt), and the salt is stripped before the sum;
 *   join+split      the engine's adaptive skew join (skewJoin with a SkewJoinPolicy: factor 2 over the
 *                   median partition, threshold and target one mean partition, records/partitions), as
 *                   Spark's spark.sql.adaptive.skewJoin (whose default factor is 5: with 8 partitions the
 *                   hot partition at z=1.5 is about 5x the median, too close to call); only engines that
 *                   support skew.join.split;
 *   join+broadcast  the dimension copied to every task: the fact side is never shuffled, so skew never
 *                   reaches a task (the remedy when one side is small).
 * baseline is the join by hand on one thread: the dimension in a long[] indexed by key, one lookup
 * and one add per fact record.
 * Beside the time: the largest task's share of its stage after a shuffle (B05.maxTaskShare) and the
 * longest task's wall and CPU time (TaskTimes), as in B05; `lab bench --workload skew` prints the
 * cuts against the plain join at z=1.5.
 *
 * Measured runs: benchmarks/RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class B10_SkewedJoin {

  /** The join plans of the rows. */
  static final List<String> STRATEGIES = List.of("shuffle", "salted", "split", "broadcast");

  @State(Scope.Benchmark)
  public static class Engine extends SkewEngineRun {
    @Param({"shuffle", "salted", "split", "broadcast"})
    public String strategy;

    Dataset<KeyValue<Integer, Long>> plan;
    Expected expected;

    @Setup(Level.Trial)
    public void start(B05_SkewedAggregation.Input input) {
      startEngine();
      if (strategy.equals("split") && df.info().unsupported().containsKey(SkewClauses.JOIN_SPLIT)) {
        throw new IllegalStateException(engine + " declares " + SkewClauses.JOIN_SPLIT + " unsupported: "
            + df.info().unsupported().get(SkewClauses.JOIN_SPLIT));
      }
      plan = plan(input.slices(), input.data.keySpace, strategy);
      expected = Expected.of(input.data);
      settleHeap();
    }

    @Override String bench() { return "B10"; }

    @Override String row() { return rowEngine(engine, strategy); }
  }

  /** {@code df-parallel/join}, {@code df-parallel/join+salted}, {@code /join+split}, {@code /join+broadcast}. */
  static String rowEngine(String engine, String strategy) {
    return engine + "/join" + (strategy.equals("shuffle") ? "" : "+" + strategy);
  }

  /** The dimension's attribute of a key. */
  static long attribute(int key) {
    return key;
  }

  static Dataset<KeyValue<Integer, Long>> plan(List<SkewSlice> slices, int keySpace, String strategy) {
    int p = slices.size();
    PairDataset<Integer, Long> facts = PairDataset.of(Dataset.of(slices, p).flatMap(SkewSlice::records));
    List<KeyValue<Integer, Long>> dimension = new ArrayList<>(keySpace + 1);
    for (int k = 0; k <= keySpace; k++) {
      dimension.add(KeyValue.of(k, attribute(k)));
    }
    PairDataset<Integer, Long> dims = PairDataset.of(Dataset.of(dimension, p));
    PairDataset<Integer, Pair<Long, Long>> joined = switch (strategy) {
      case "shuffle" -> facts.join(dims, org.bigdatalab.dataflow.Plan.JoinType.INNER, org.bigdatalab.dataflow.Plan.JoinStrategy.SHUFFLE,
          p, null);
      case "split" -> {
        long mean = Math.max(1, slices.stream().mapToLong(SkewSlice::size).sum() / p);
        yield facts.skewJoin(dims, p, new SkewJoinPolicy(2, mean, mean));
      }
      case "broadcast" -> facts.broadcastJoin(dims);
      case "salted" -> {
        PairDataset<Integer, Long> saltedFacts = B05_SkewedAggregation.salt(facts, p);
        PairDataset<Integer, Long> saltedDims = PairDataset.of(dims.asDataset().flatMap(kv -> {
          List<KeyValue<Integer, Long>> copies = new ArrayList<>(p);
          for (int s = 0; s < p; s++) {
            copies.add(KeyValue.of(Math.addExact(Math.multiplyExact(kv.key(), p), s), kv.value()));
          }
          return copies;
        }));
        PairDataset<Integer, Pair<Long, Long>> saltedJoin = saltedFacts.join(saltedDims,
            org.bigdatalab.dataflow.Plan.JoinType.INNER, org.bigdatalab.dataflow.Plan.JoinStrategy.SHUFFLE, p, null);
        yield PairDataset.of(saltedJoin.asDataset().map(kv -> KeyValue.of(Math.floorDiv(kv.key(), p), kv.value())));
      }
      default -> throw new IllegalArgumentException("strategy " + strategy + "; known: " + STRATEGIES);
    };
    return joined.mapValues(pair -> pair.first() + pair.second()).reduceByKey(Long::sum, p).asDataset();
  }

  @Benchmark
  public List<KeyValue<Integer, Long>> measureEngine(B05_SkewedAggregation.Input input, Engine engine) throws DataflowFailedException {
    ActionResult<List<KeyValue<Integer, Long>>> result = engine.df.execute(Action.collect(engine.plan));
    engine.expected.check(result.value(), engine.row());
    engine.ran(result.metrics());
    return result.value();
  }

  @Benchmark
  public long[] baseline(B05_SkewedAggregation.Input input) {
    return joinByHand(input.data.keys, input.data.values, dimensionByHand(input.data.keySpace));
  }

  static long[] dimensionByHand(int keySpace) {
    long[] attributes = new long[keySpace + 1];
    for (int k = 0; k <= keySpace; k++) {
      attributes[k] = attribute(k);
    }
    return attributes;
  }

  /** The hand-written join: per fact record, its key's attribute looked up in an array, value + attribute added to the key's sum. */
  static long[] joinByHand(int[] keys, long[] values, long[] attributes) {
    long[] sums = new long[attributes.length];
    for (int i = 0; i < keys.length; i++) {
      int k = keys[i];
      sums[k] += values[i] + attributes[k];
    }
    return sums;
  }

  /** The hand-written join's sums, and which keys the fact side has (only those join). */
  record Expected(long[] sums, boolean[] present, int records) {
    static Expected of(SkewData data) {
      boolean[] present = new boolean[data.keySpace + 1];
      for (int k : data.keys) {
        present[k] = true;
      }
      return new Expected(joinByHand(data.keys, data.values, dimensionByHand(data.keySpace)), present, data.keys.length);
    }

    /** Throws unless {@code result} is exactly one sum per fact key, each the hand-written join's. */
    void check(List<KeyValue<Integer, Long>> result, String who) {
      boolean[] seen = new boolean[sums.length];
      for (KeyValue<Integer, Long> kv : result) {
        int k = kv.key();
        if (k < 0 || k >= sums.length || !present[k] || seen[k] || sums[k] != kv.value()) {
          throw new IllegalStateException(who + " joined wrong (skew, " + records + " records, seed " + BenchData.SEED
              + "): key " + k + " with " + kv.value() + (k >= 0 && k < sums.length && seen[k] ? " appears twice"
              : k >= 0 && k < sums.length && present[k] ? ", expected " + sums[k] : ", which no fact has"));
        }
        seen[k] = true;
      }
      for (int k = 0; k < sums.length; k++) {
        if (present[k] && !seen[k]) {
          throw new IllegalStateException(who + " lost key " + k + " (skew, " + records + " records, seed " + BenchData.SEED + ")");
        }
      }
    }
  }
}
