package org.bigdatalab.dataflow.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Fn;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.spi.KeyValue;

/**
 * df-parallel's reduceByKey over boxed records by a recognised long merge ({@link LongCombine}:
 * {@code Long::sum}, min, max): the record-at-a-time twin of {@link FusedLongAggregate}. A map task
 * reads its records, and while each is a {@code KeyValue<Integer, Long>} it keeps only the two
 * primitives, in an int[] and a long[] (as Spark's Tungsten puts rows into a columnar batch); at the
 * end of its input it runs the fused plan's map-side loop over them, so the map-side merge, the
 * shuffle and the reduce-side merge are the fused plan's primitive arrays and tables, and a Long is
 * boxed once per key, when the reduced records leave. The boxed records die as soon as they are
 * read; no object graph lives across the shuffle.
 *
 * <p>The first record that is anything else (another key or value type, a null, not a pair) sends
 * that task back to the general path from there, losing nothing: the records it kept are boxed
 * again, in order, before it, and all of them go through {@link KeyedMerge#reduce} and the engine's
 * own partitioning and shuffle blocks, as without this class. A reduce task reads primitive
 * outputs alone by the fused merge; where any map task fell back, it reads every output as records
 * through {@link KeyedMerge#reduce}. Partitions are the pinned hash partitioning's, {@code
 * floorMod(key, n)} for an Integer key, as in the fused plan. Stage metrics count as the general
 * path does: the keys each map task wrote after its merge, and each reduce task's entries read.
 */
class RecordLongReduce {
  static final RecordLongReduce INSTANCE = new RecordLongReduce();

  RecordLongReduce() {}

  /** The primitive merge a recognised long merge is: the same operation on longs. */
  LongAggregate aggregateOf(LongCombine op) {
    return switch (op) {
      case SUM -> LongAggregate.SUM;
      case MIN -> LongAggregate.MIN;
      case MAX -> LongAggregate.MAX;
    };
  }

  /** Runs the map stage of {@code in} now and opens the reduce stage over its output. */
  Staged run(PartitionedDataflow engine, StageRunner runner, Staged in, int n, String name, LongCombine op,
      Fn.Combine<Object> f) throws DataflowFailedException {
    LongAggregate aggregate = aggregateOf(op);
    KeyedMerge merge = engine.keyedMerge();
    List<Written> written = runner.run(in, (task, records) -> write(engine, records, n, aggregate, f), Written::records, x -> 0);
    boolean primitive = written.stream().allMatch(w -> w.primitive() != null);
    List<FusedLongAggregate.MapOutput> outputs = primitive ? written.stream().map(Written::primitive).toList() : null;
    List<Task> tasks = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      int partition = r;
      long entries = written.stream().mapToLong(w -> w.size(partition)).sum();
      tasks.add(new Task(r, entries, primitive
          ? () -> FusedLongAggregate.boxed(FusedLongAggregate.merge(outputs, partition, aggregate))
          : () -> merge.reduce(records(written, partition), f)));
    }
    return new Staged(n, tasks, name, true);
  }

  /**
   * One map task: its records as two primitive columns, in chunks (nothing copied as they grow), with the
   * keys' span; then merged per key in one array over the span where it is at most one slot per record
   * (or {@link FusedLongAggregate#DENSE_FLOOR}), else in a hash table, as the fused plan merges a slice.
   * From a record that does not fit, the general path.
   */
  private static Written write(PartitionedDataflow engine, Iterator<Object> records, int n, LongAggregate aggregate,
      Fn.Combine<Object> f) {
    int[][] keys = new int[4][];
    long[][] values = new long[4][];
    int chunks = 0;
    int[] chunkKeys = null;
    long[] chunkValues = null;
    int at = CHUNK;
    long count = 0;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    while (records.hasNext()) {
      Object x = records.next();
      if (!(x instanceof KeyValue<?, ?> kv && kv.key() instanceof Integer key && kv.value() instanceof Long value)) {
        return general(engine, Iterators.concat(List.of(kept(keys, values, chunks, at), List.of(x).iterator(), records)), n, f);
      }
      if (at == CHUNK) {
        if (chunks == keys.length) {
          keys = Arrays.copyOf(keys, chunks * 2);
          values = Arrays.copyOf(values, chunks * 2);
        }
        chunkKeys = keys[chunks] = new int[CHUNK];
        chunkValues = values[chunks++] = new long[CHUNK];
        at = 0;
      }
      int k = key;
      chunkKeys[at] = k;
      chunkValues[at++] = value;
      min = Math.min(min, k);
      max = Math.max(max, k);
      count++;
    }
    PartialLongs merged;
    if (count == 0) {
      merged = new IntLongTable(0);
    } else if ((long) max - min + 1 <= Math.max(FusedLongAggregate.DENSE_FLOOR, count)) {
      DenseLongs dense = DenseLongs.spanning(min, max, aggregate);
      for (int c = 0; c < chunks; c++) {
        dense.fold(keys[c], values[c], 0, c == chunks - 1 ? at : CHUNK, aggregate);
      }
      merged = dense;
    } else {
      IntLongTable table = new IntLongTable((int) Math.min(count, FusedLongAggregate.FIRST_KEYS));
      for (int c = 0; c < chunks; c++) {
        FusedLongAggregate.hashed(table, keys[c], values[c], 0, c == chunks - 1 ? at : CHUNK, aggregate);
      }
      merged = table;
    }
    return new Written(FusedLongAggregate.byPartition(merged, n), null);
  }

  /** Records a chunk holds: small enough to stay in cache while it fills, large enough that chunks are few. */
  private static final int CHUNK = 8192;

  /** The records kept so far, boxed again in order. */
  private static Iterator<Object> kept(int[][] keys, long[][] values, int chunks, int at) {
    List<Iterator<Object>> parts = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      parts.add(new ColumnRange(keys[c], values[c], 0, c == chunks - 1 ? at : CHUNK).records());
    }
    return Iterators.concat(parts);
  }

  /** The general path of a map task: merged per key as written, bucketed by the engine's partitioning into its shuffle blocks. */
  private static Written general(PartitionedDataflow engine, Iterator<Object> records, int n, Fn.Combine<Object> f) {
    List<List<Object>> buckets = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      buckets.add(engine.shuffleBucket());
    }
    engine.keyedMerge().reduce(records, f)
        .forEachRemaining(x -> buckets.get(engine.partitionOf(((KeyValue<?, ?>) x).key(), n)).add(x));
    return new Written(null, buckets);
  }

  /** Partition r of every map task's output, as records: a primitive output's entries boxed. */
  private static Iterator<Object> records(List<Written> written, int r) {
    List<Iterator<Object>> parts = new ArrayList<>(written.size());
    for (Written w : written) {
      if (w.primitive() != null) {
        List<Object> entries = new ArrayList<>(w.primitive().size(r));
        w.primitive().forEach(r, (k, v) -> entries.add(KeyValue.of(k, v)));
        parts.add(entries.iterator());
      } else {
        parts.add(w.boxed().get(r).iterator());
      }
    }
    return Iterators.concat(parts);
  }

  /** One map task's output: primitive (the fused plan's) or, where the task fell back, the engine's shuffle blocks. */
  record Written(FusedLongAggregate.MapOutput primitive, List<List<Object>> boxed) {
    long size(int r) {
      return primitive != null ? primitive.size(r) : boxed.get(r).size();
    }

    long records() {
      return primitive != null ? primitive.records() : boxed.stream().mapToLong(List::size).sum();
    }
  }
}
