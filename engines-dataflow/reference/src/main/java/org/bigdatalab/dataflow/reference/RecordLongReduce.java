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
 * primitives, in an int[] and a long[] of 8192 (as Spark's Tungsten puts rows into a columnar batch),
 * and merges each full chunk with the fused plan's map-side loops ({@link Columns}); the shuffle is the
 * fused plan's primitive arrays, the reduce side its merge, and a Long is boxed once per key, when the
 * reduced records leave. The boxed records die as soon as they are read; no object graph lives across
 * the shuffle, and a task holds at most a few chunks besides its merged keys.
 *
 * <p>The records are pushed to the chunks by the stage's own loops ({@code forEachRemaining}, which
 * {@link Iterators}' narrow operations pass down to their source: a flatMap over a list is the list's
 * own loop), not pulled one {@code hasNext}/{@code next} pair at a time through every operation: that
 * pull cost the map stage 15-19% more CPU at 10M records (2026-12-07). A task whose first record does not
 * fit is read as before, pulled, by the general path. The first record that is anything else (another key
 * or value type, a null, not a pair) sends that task back to the general path from there, losing nothing:
 * its kept chunks and its merged keys (each with its partial, which a recognised merge may merge again in
 * any order) become records again, ahead of it, and all of them go through {@link KeyedMerge#reduce} and
 * the engine's own partitioning and shuffle blocks, as without this class. A push cannot be paused, so
 * such a task keeps the records after its first misfit, in order, until its input ends, and merges them
 * then: only a task whose records change type mid-way pays that memory.
 *
 * <p>A reduce task reads primitive outputs alone by the fused merge; where any map task fell back, it
 * reads every output as records through {@link KeyedMerge#reduce}.
 * Partitions are the pinned hash partitioning's, {@code floorMod(key, n)} for an Integer key, as in the
 * fused plan. Stage metrics count as the general path does: the keys each map task wrote after its
 * merge, and each reduce task's entries read.
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
   * One map task: its records as two primitive columns, a chunk at a time, merged per key by {@link Columns}.
   * From a record that does not fit, the general path.
   */
  private static Written write(PartitionedDataflow engine, Iterator<Object> records, int n, LongAggregate aggregate,
      Fn.Combine<Object> f) {
    Chunks chunks = new Chunks(new Columns(aggregate));
    if (records.hasNext()) {
      Object first = records.next();
      if (!fits(first)) { // nothing kept yet: the general path reads the task's records as they come
        return general(engine, Iterators.concat(List.of(List.of(first).iterator(), records)), n, f);
      }
      chunks.accept(first);
      records.forEachRemaining(chunks);
    }
    if (chunks.misfits != null) {
      return general(engine, Iterators.concat(List.of(chunks.columns.kept(), chunks.unmerged(), chunks.misfits.iterator())), n, f);
    }
    return new Written(FusedLongAggregate.byPartition(chunks.merged(), n), null);
  }

  private static boolean fits(Object x) {
    return x instanceof KeyValue<?, ?> kv && kv.key() instanceof Integer && kv.value() instanceof Long;
  }

  /**
   * Takes a task's records pushed one at a time (the stage's narrow operations push them from their
   * source's own loop, no iterator call per record) into chunks of two primitive columns. From the first
   * record that does not fit, it keeps the records as they come, in order, for the general path.
   */
  private static final class Chunks implements java.util.function.Consumer<Object> {
    final Columns columns;
    int[] keys = new int[CHUNK];
    long[] values = new long[CHUNK];
    int at;
    List<Object> misfits;

    Chunks(Columns columns) {
      this.columns = columns;
    }

    @Override
    public void accept(Object x) {
      if (misfits == null && x instanceof KeyValue<?, ?> kv && kv.key() instanceof Integer key && kv.value() instanceof Long value) {
        keys[at] = key;
        values[at++] = value;
        if (at == CHUNK) {
          if (columns.add(keys, values, at)) {
            keys = new int[CHUNK];
            values = new long[CHUNK];
          }
          at = 0;
        }
      } else {
        if (misfits == null) {
          misfits = new ArrayList<>();
        }
        misfits.add(x);
      }
    }

    Iterator<Object> unmerged() {
      return new ColumnRange(keys, values, 0, at).records();
    }

    PartialLongs merged() {
      columns.add(keys, values, at);
      return columns.merged();
    }
  }

  /** Records a chunk holds: small enough to stay in cache while it fills and is merged, large enough that chunks are few. */
  private static final int CHUNK = 8192;

  /** Chunks kept at most while waiting for the keys' span to justify an array: then a hash table takes them. */
  private static final int BUFFERED_CHUNKS = 16;

  /**
   * A map task's records merged per key, chunk by chunk, as the fused plan merges a slice: in one array over
   * the keys' span (with room around it, {@link DenseLongs#around}) while it is at most one slot per record (or
   * {@link FusedLongAggregate#DENSE_FLOOR}), else in a hash table. The span is unknown until records arrive, so the first chunks are kept until it justifies the
   * array or {@link #BUFFERED_CHUNKS} are kept; from then on each chunk is merged as it fills, while it is in cache.
   */
  private static final class Columns {
    private final LongAggregate aggregate;
    private final List<int[]> bufferedKeys = new ArrayList<>();
    private final List<long[]> bufferedValues = new ArrayList<>();
    private final List<Integer> bufferedSizes = new ArrayList<>();
    private long count;
    private int min = Integer.MAX_VALUE;
    private int max = Integer.MIN_VALUE;
    private DenseLongs dense;
    private IntLongTable table;

    Columns(LongAggregate aggregate) {
      this.aggregate = aggregate;
    }

    /** Takes records [0, size) of a chunk; true when it keeps the arrays (the caller must fill new ones). */
    boolean add(int[] keys, long[] values, int size) {
      count += size;
      if (dense != null || table != null) {
        merge(keys, values, size);
        return false;
      }
      for (int i = 0; i < size; i++) {
        min = Math.min(min, keys[i]);
        max = Math.max(max, keys[i]);
      }
      bufferedKeys.add(keys);
      bufferedValues.add(values);
      bufferedSizes.add(size);
      if (count > 0 && (long) max - min + 1 <= Math.max(FusedLongAggregate.DENSE_FLOOR, count)) {
        dense = DenseLongs.around(min, max, Math.max(FusedLongAggregate.DENSE_FLOOR, count), aggregate);
        mergeBuffered();
      } else if (bufferedKeys.size() >= BUFFERED_CHUNKS) {
        table = new IntLongTable((int) Math.min(count, FusedLongAggregate.FIRST_KEYS));
        mergeBuffered();
      }
      return true;
    }

    private void mergeBuffered() {
      for (int c = 0; c < bufferedKeys.size(); c++) {
        merge(bufferedKeys.get(c), bufferedValues.get(c), bufferedSizes.get(c));
      }
      bufferedKeys.clear();
      bufferedValues.clear();
      bufferedSizes.clear();
    }

    /** Into the array while the keys fit its allowed span (which grows with the records seen), else into the table. */
    private void merge(int[] keys, long[] values, int size) {
      int from = 0;
      if (dense != null) {
        dense.allow(Math.max(FusedLongAggregate.DENSE_FLOOR, count));
        from = dense.fold(keys, values, 0, size, aggregate);
        if (from == size) {
          return;
        }
        table = new IntLongTable(Math.max(dense.size(), Math.min(FusedLongAggregate.FIRST_KEYS, size - from)));
        dense.forEach((k, v) -> table.merge(k, v, aggregate));
        dense = null;
      }
      FusedLongAggregate.hashed(table, keys, values, from, size, aggregate);
    }

    /** Every record added, merged per key. */
    PartialLongs merged() {
      if (dense == null && table == null) {
        table = new IntLongTable((int) Math.min(count, FusedLongAggregate.FIRST_KEYS));
        mergeBuffered();
      }
      return dense != null ? dense : table;
    }

    /** The records added so far as records again: kept chunks as they were, merged keys with their partial aggregates. */
    Iterator<Object> kept() {
      List<Iterator<Object>> parts = new ArrayList<>();
      for (int c = 0; c < bufferedKeys.size(); c++) {
        parts.add(new ColumnRange(bufferedKeys.get(c), bufferedValues.get(c), 0, bufferedSizes.get(c)).records());
      }
      PartialLongs partial = dense != null ? dense : table;
      if (partial != null) {
        List<Object> entries = new ArrayList<>(partial.size());
        partial.forEach((k, v) -> entries.add(KeyValue.of(k, v)));
        parts.add(entries.iterator());
      }
      return Iterators.concat(parts);
    }
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
