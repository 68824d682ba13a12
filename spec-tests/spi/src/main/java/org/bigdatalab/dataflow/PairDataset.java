package org.bigdatalab.dataflow;

import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/**
 * A dataset of {@link KeyValue} records with the keyed operations (Spark's {@code JavaPairRDD}).
 * Every shuffle by key uses {@link HashPartitioning}; {@code partitions} 0 keeps the input's count.
 */
public final class PairDataset<K, V> {
  private final Plan plan;

  PairDataset(Plan plan) {
    this.plan = plan;
  }

  public static <K, V> PairDataset<K, V> of(Dataset<KeyValue<K, V>> records) { return new PairDataset<>(records.plan()); }

  /**
   * Records {@code KeyValue(keys[j], values[j])} held as two primitive columns, sliced like
   * {@link Dataset#of} into {@code partitions} contiguous ranges (no copy: the arrays must not change
   * while a dataset over them can still run). Every operation sees exactly the records that
   * {@code PairDataset.of(Dataset.of(thoseRecords, partitions))} holds; an engine may read the columns
   * directly where it recognises the plan (a declared {@link #aggregateLongsByKey} straight over them),
   * as Spark's DataFrames read columnar batches. Keys and values of any int and long, zero and
   * negatives included.
   */
  public static PairDataset<Integer, Long> ofIntLongColumns(int[] keys, long[] values, int partitions) {
    return new PairDataset<>(new Plan.IntLongColumns(keys, values, partitions));
  }

  public Plan plan() { return plan; }

  public Dataset<KeyValue<K, V>> asDataset() { return new Dataset<>(plan); }

  public PairDataset<K, V> reduceByKey(Fn.Combine<V> f) { return reduceByKey(f, 0); }

  /** Merges the values of each key with {@code f}, map-side first (a combiner), then after the shuffle. */
  @SuppressWarnings("unchecked")
  public PairDataset<K, V> reduceByKey(Fn.Combine<V> f, int partitions) {
    return new PairDataset<>(new Plan.ReduceByKeyOp(plan, (Fn.Combine<Object>) (Fn.Combine<?>) f, partitions));
  }

  /**
   * A declared aggregate of each key's values: exactly the {@code reduceByKey} that {@link LongAggregate}
   * names for {@code aggregate} (SUM: {@code reduceByKey(Long::sum, partitions)}), same records, same
   * partitions, but recognisable by the engine, which may run it over primitives.
   */
  public PairDataset<K, Long> aggregateLongsByKey(LongAggregate aggregate, int partitions) {
    return new PairDataset<>(new Plan.LongAggregateByKeyOp(plan, aggregate, partitions));
  }

  /** {@code aggregateLongsByKey(SUM, partitions)}: {@code reduceByKey(Long::sum, partitions)}, declared. */
  public PairDataset<K, Long> sumLongsByKey(int partitions) { return aggregateLongsByKey(LongAggregate.SUM, partitions); }

  @SuppressWarnings("unchecked")
  public <U> PairDataset<K, U> aggregateByKey(Fn.Zero<U> zero, Fn.Fold<U, V> fold, Fn.Combine<U> combine, int partitions) {
    return new PairDataset<>(new Plan.AggregateByKeyOp(plan, (Fn.Zero<Object>) (Fn.Zero<?>) zero,
        (Fn.Fold<Object, Object>) (Fn.Fold<?, ?>) fold, (Fn.Combine<Object>) (Fn.Combine<?>) combine, partitions));
  }

  /** All values of each key in one list (in no promised order); shuffles every record. */
  public PairDataset<K, java.util.List<V>> groupByKey() { return groupByKey(0); }

  public PairDataset<K, java.util.List<V>> groupByKey(int partitions) {
    return new PairDataset<>(new Plan.GroupByKeyOp(plan, partitions));
  }

  public <W> PairDataset<K, Pair<V, W>> join(PairDataset<K, W> other) {
    return join(other, Plan.JoinType.INNER, Plan.JoinStrategy.SHUFFLE, 0, null);
  }

  /** Every left record; the pair's second is null where the right has no record of the key. */
  public <W> PairDataset<K, Pair<V, W>> leftOuterJoin(PairDataset<K, W> other) {
    return join(other, Plan.JoinType.LEFT_OUTER, Plan.JoinStrategy.SHUFFLE, 0, null);
  }

  /** An inner join that copies {@code small} to every task of this side, so this side is never shuffled. */
  public <W> PairDataset<K, Pair<V, W>> broadcastJoin(PairDataset<K, W> small) {
    return join(small, Plan.JoinType.INNER, Plan.JoinStrategy.BROADCAST, 0, null);
  }

  /** A shuffle join whose skewed left partitions are split as {@code policy} says (adaptive skew join). */
  public <W> PairDataset<K, Pair<V, W>> skewJoin(PairDataset<K, W> other, int partitions, SkewJoinPolicy policy) {
    return join(other, Plan.JoinType.INNER, Plan.JoinStrategy.SHUFFLE, partitions, policy);
  }

  public <W> PairDataset<K, Pair<V, W>> join(PairDataset<K, W> other, Plan.JoinType type, Plan.JoinStrategy strategy,
      int partitions, SkewJoinPolicy skew) {
    return new PairDataset<>(new Plan.JoinOp(plan, other.plan, type, strategy, partitions, skew));
  }

  /** The keyed aggregates (count, sum, min, max, avg) of values read as longs; two-phase, like reduceByKey. */
  public PairDataset<K, KeyStats> stats(Fn.Map<V, Long> asLong) {
    return aggregateByKey(() -> KeyStats.EMPTY, (s, v) -> s.add(asLong.apply(v)), KeyStats::merge, 0);
  }

  public <U> PairDataset<K, U> mapValues(Fn.Map<V, U> f) {
    return PairDataset.of(asDataset().map(kv -> KeyValue.of(kv.key(), f.apply(kv.value()))));
  }

  public PairDataset<K, V> filter(Fn.Predicate<KeyValue<K, V>> p) { return PairDataset.of(asDataset().filter(p)); }

  public PairDataset<K, V> union(PairDataset<K, V> other) { return PairDataset.of(asDataset().union(other.asDataset())); }

  public PairDataset<K, V> cache() { return PairDataset.of(asDataset().cache()); }

  @Override
  public String toString() { return "PairDataset[" + asDataset().lineage() + "]"; }
}
