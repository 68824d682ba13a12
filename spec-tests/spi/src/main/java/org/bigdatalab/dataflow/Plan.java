package org.bigdatalab.dataflow;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The logical plan behind a {@link Dataset}: an immutable tree of operations, untyped so engines can
 * walk it. Building one runs nothing; an engine executes it when an {@link Action} asks for a
 * result. Keyed operations work on {@link org.bigdatalab.spi.KeyValue} records and shuffle with
 * {@link HashPartitioning}.
 *
 * <p>{@code partitions} of a wide operation: 0 means "as many as the input" (for a join: the left
 * input), as Spark's default partitioner does.
 */
public sealed interface Plan {

  /** The inputs of this node, left first. */
  List<Plan> inputs();

  /** A short name for messages and metrics, e.g. {@code reduceByKey}. */
  String name();

  /** Whether records move between partitions here (a stage boundary). */
  default boolean wide() { return false; }

  /** Elements sliced into contiguous, near-equal partitions: partition i holds [i*n/p, (i+1)*n/p). */
  record Parallelize(List<Object> data, int partitions) implements Plan {
    public Parallelize { data = List.copyOf(data); checkPartitions(partitions, 1); }
    @Override public List<Plan> inputs() { return List.of(); }
    @Override public String name() { return "parallelize"; }
  }

  /**
   * (key, value) records held as two primitive columns: record j is {@code KeyValue<Integer, Long>(keys[j],
   * values[j])}, and partition i holds records [i*n/p, (i+1)*n/p), as {@link Parallelize} slices a list. Every
   * operation reads these records as it would the same list parallelized; an engine may instead read the
   * columns directly (see {@link LongAggregateByKeyOp}). The arrays are not copied: they must not change while a
   * plan over them can still run. {@code equals} compares the arrays by identity.
   */
  record IntLongColumns(int[] keys, long[] values, int partitions) implements Plan {
    public IntLongColumns {
      java.util.Objects.requireNonNull(keys, "keys");
      java.util.Objects.requireNonNull(values, "values");
      if (keys.length != values.length) {
        throw new IllegalArgumentException("columns of different lengths: " + keys.length + " keys, " + values.length + " values");
      }
      checkPartitions(partitions, 1);
    }
    @Override public List<Plan> inputs() { return List.of(); }
    @Override public String name() { return "intLongColumns"; }
    /** Records in the source, n. */
    public int size() { return keys.length; }
    /** First record of partition i. */
    public int from(int partition) { return (int) ((long) partition * keys.length / partitions); }
    @Override public String toString() { return "IntLongColumns[" + keys.length + " records, " + partitions + " partitions]"; }
  }

  /** Lines of text files, all files' lines in order, sliced like {@link Parallelize}. */
  record TextFile(List<String> files, int partitions) implements Plan {
    public TextFile { files = List.copyOf(files); checkPartitions(partitions, 1); }
    @Override public List<Plan> inputs() { return List.of(); }
    @Override public String name() { return "textFile"; }
  }

  record MapOp(Plan input, Fn.Map<Object, Object> f) implements Plan {
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "map"; }
  }

  record FlatMapOp(Plan input, Fn.FlatMap<Object, Object> f) implements Plan {
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "flatMap"; }
  }

  record FilterOp(Plan input, Fn.Predicate<Object> p) implements Plan {
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "filter"; }
  }

  record MapPartitionsOp(Plan input, Fn.Partition<Object, Object> f) implements Plan {
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "mapPartitions"; }
  }

  record ReduceByKeyOp(Plan input, Fn.Combine<Object> f, int partitions) implements Plan {
    public ReduceByKeyOp { checkPartitions(partitions, 0); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "reduceByKey"; }
    @Override public boolean wide() { return true; }
  }

  record AggregateByKeyOp(Plan input, Fn.Zero<Object> zero, Fn.Fold<Object, Object> fold, Fn.Combine<Object> combine,
                          int partitions) implements Plan {
    public AggregateByKeyOp { checkPartitions(partitions, 0); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "aggregateByKey"; }
    @Override public boolean wide() { return true; }
  }

  /**
   * A declared keyed aggregate of longs: records {@code KeyValue(k, aggregate of k's values)}, exactly
   * what the equivalent {@code reduceByKey} gives (see {@link LongAggregate}), combined map-side and
   * shuffled by {@link HashPartitioning}. Because the engine knows what it computes, it may run it
   * without boxing per record, e.g. straight over {@link IntLongColumns}.
   */
  record LongAggregateByKeyOp(Plan input, LongAggregate aggregate, int partitions) implements Plan {
    public LongAggregateByKeyOp {
      java.util.Objects.requireNonNull(aggregate, "aggregate");
      checkPartitions(partitions, 0);
    }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return aggregate.operation(); }
    @Override public boolean wide() { return true; }
  }

  /** Values of a key, as a list, in no promised order. */
  record GroupByKeyOp(Plan input, int partitions) implements Plan {
    public GroupByKeyOp { checkPartitions(partitions, 0); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "groupByKey"; }
    @Override public boolean wide() { return true; }
  }

  /** Which pairs a join keeps. */
  enum JoinType { INNER, LEFT_OUTER }

  /** How a join moves records: both sides by key, or the right side copied to every left task. */
  enum JoinStrategy { SHUFFLE, BROADCAST }

  /**
   * Records {@code KeyValue(k, Pair(v, w))}; in a left outer join {@code w} is null when the right
   * side has no record of {@code k}. {@code skew} (nullable) asks for adaptive splitting of skewed
   * left partitions of a shuffle join.
   */
  record JoinOp(Plan left, Plan right, JoinType type, JoinStrategy strategy, int partitions, SkewJoinPolicy skew)
      implements Plan {
    public JoinOp { checkPartitions(partitions, 0); }
    @Override public List<Plan> inputs() { return List.of(left, right); }
    @Override public String name() { return strategy == JoinStrategy.BROADCAST ? "broadcastJoin" : "join"; }
    @Override public boolean wide() { return strategy == JoinStrategy.SHUFFLE; }
  }

  /** Left's partitions, then right's, unchanged: narrow. */
  record UnionOp(Plan left, Plan right) implements Plan {
    @Override public List<Plan> inputs() { return List.of(left, right); }
    @Override public String name() { return "union"; }
  }

  record DistinctOp(Plan input, int partitions) implements Plan {
    public DistinctOp { checkPartitions(partitions, 0); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "distinct"; }
    @Override public boolean wide() { return true; }
  }

  /** A total order by key: partition i holds only keys not after those of partition i+1. */
  record SortByOp(Plan input, Fn.Map<Object, Object> key, Fn.Order<Object> order, int partitions) implements Plan {
    public SortByOp { checkPartitions(partitions, 0); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "sortBy"; }
    @Override public boolean wide() { return true; }
  }

  /**
   * Exactly {@code partitions} partitions. With a key function, by {@link HashPartitioning} of the key;
   * without, record j of input partition i goes to partition (i + j) mod n.
   */
  record RepartitionOp(Plan input, int partitions, Fn.Map<Object, Object> key) implements Plan {
    public RepartitionOp { checkPartitions(partitions, 1); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "repartition"; }
    @Override public boolean wide() { return true; }
  }

  /** min(n, input) partitions, by joining neighbouring input partitions: narrow, no shuffle. */
  record CoalesceOp(Plan input, int partitions) implements Plan {
    public CoalesceOp { checkPartitions(partitions, 1); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "coalesce"; }
  }

  /** Computed once, on the first action that needs it, then kept by the engine. {@code id} names the cached dataset. */
  record CacheOp(Plan input, long id) implements Plan {
    private static final AtomicLong IDS = new AtomicLong();
    public static CacheOp of(Plan input) { return new CacheOp(input, IDS.incrementAndGet()); }
    @Override public List<Plan> inputs() { return List.of(input); }
    @Override public String name() { return "cache"; }
  }

  private static void checkPartitions(int partitions, int min) {
    if (partitions < min) {
      throw new IllegalArgumentException("partitions must be at least " + min + ", got " + partitions);
    }
  }
}
