package org.bigdatalab.dataflow.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.dataflow.Plan;

/**
 * df-parallel's plan for a declared long aggregate ({@link Plan.LongAggregateByKeyOp}) whose stage
 * still reads {@link Plan.IntLongColumns} directly: what Spark's whole-stage code generation does
 * for a DataFrame's {@code groupBy(k).sum(v)}, written by hand.
 *
 * <ol>
 *   <li>Map: each task is one loop over its slice's two arrays into a {@link DenseLongs} array while
 *       the keys span a narrow range, else an {@link IntLongTable}: an index (or a probe) and an add
 *       per record, no object.
 *   <li>Shuffle: each task's primitive output, by the pinned hash partitioning ({@code floorMod(key,
 *       n)}, an Integer's hash being its value); a dense array is its own output, read through a bit
 *       mask per reduce partition.
 *   <li>Reduce: each task merges its partition of every map output into a table and boxes one
 *       {@code KeyValue<Integer, Long>} per key as the records leave.
 * </ol>
 *
 * The records, and the partition each lands in, are the boxed path's. Stage metrics count as the
 * boxed path does: each map task's slice, the keys written after the map-side merge, and each
 * reduce task's entries read; task times cover the fused loops.
 */
class FusedLongAggregate {
  static final FusedLongAggregate INSTANCE = new FusedLongAggregate();

  /** Keys a map task's table starts with room for: it grows by doubling from there. */
  static final int FIRST_KEYS = 1024;

  FusedLongAggregate() {}

  /** Whether every task of {@code in} reads columns with nothing in between, so the fused loop may replace it. */
  static boolean applies(Staged in) {
    return in.tasks().stream().allMatch(t -> t.columns() != null);
  }

  /** Runs the map stage now and opens the reduce stage over its primitive output. */
  Staged run(StageRunner runner, Staged in, Plan.LongAggregateByKeyOp op, int n)
      throws DataflowFailedException {
    LongAggregate aggregate = op.aggregate();
    List<MapOutput> written = runner.run(in, (task, unread) -> byPartition(fold(task.columns(), aggregate), n),
        MapOutput::records, x -> 0);
    List<MapOutput> read = shuffleRead(written);
    List<Task> tasks = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      int partition = r;
      long entries = read.stream().mapToLong(o -> o.size(partition)).sum();
      tasks.add(new Task(r, entries, () -> boxed(merge(read, partition, aggregate))));
    }
    return new Staged(n, tasks, op.name(), true);
  }

  /** The map outputs the reduce tasks read: all of them (a broken engine of the self-test loses one). */
  List<MapOutput> shuffleRead(List<MapOutput> written) {
    return written;
  }

  /**
   * The map side: the slice's records merged per key, in a {@link DenseLongs} array while the keys seen span at
   * most as many slots as the slice has records (or {@link #DENSE_FLOOR}), then, from the first key that would
   * widen it further, in an {@link IntLongTable} that takes over the array's keys. One pass, no allocation per record.
   */
  static PartialLongs fold(ColumnRange slice, LongAggregate aggregate) {
    int from = slice.from();
    int to = slice.to();
    if (from == to) {
      return new IntLongTable(0);
    }
    DenseLongs dense = new DenseLongs(slice.keys()[from], Math.max(DENSE_FLOOR, slice.size()), aggregate);
    int stopped = dense.fold(slice.keys(), slice.values(), from, to, aggregate);
    if (stopped == to) {
      return dense;
    }
    IntLongTable table = new IntLongTable(Math.max(dense.size(), Math.min(FIRST_KEYS, to - stopped)));
    dense.forEach((k, v) -> table.merge(k, v, aggregate));
    return hashed(table, slice.keys(), slice.values(), stopped, to, aggregate);
  }

  /** Key spans up to this many slots always stay in an array (32 KB, about a hash table's first size). */
  static final int DENSE_FLOOR = 4096;

  /** Records [from, to) merged into {@code table}, each value lifted by {@code aggregate}; one loop per aggregate. */
  static IntLongTable hashed(IntLongTable table, int[] keys, long[] values, int from, int to, LongAggregate aggregate) {
    switch (aggregate) {
      case SUM -> {
        for (int j = from; j < to; j++) {
          table.add(keys[j], values[j]);
        }
      }
      case COUNT -> {
        for (int j = from; j < to; j++) {
          table.add(keys[j], 1);
        }
      }
      default -> {
        for (int j = from; j < to; j++) {
          table.merge(keys[j], values[j], aggregate);
        }
      }
    }
    return table;
  }

  /**
   * A map task's keys by reduce partition, {@link org.bigdatalab.dataflow.HashPartitioning}'s without a box (an
   * Integer's hash is its value, so the partition is {@code floorMod(key, n)}): a dense array is its own shuffle
   * output where n divides 64 ({@link DenseLongs#byPartition}), anything else is cut into arrays.
   */
  static MapOutput byPartition(PartialLongs partial, int n) {
    return partial instanceof DenseLongs dense && 64 % n == 0 ? dense.byPartition(n) : split(partial, n);
  }

  /** A map task's keys cut into one pair of arrays per reduce partition. */
  static MapOutput split(PartialLongs partial, int n) {
    int mask = Integer.bitCount(n) == 1 ? n - 1 : -1; // floorMod by a power of two is a mask: no division per key
    int[] sizes = new int[n];
    int[] bounds = {Integer.MAX_VALUE, Integer.MIN_VALUE};
    partial.forEach((k, v) -> {
      sizes[mask >= 0 ? k & mask : Math.floorMod(k, n)]++;
      bounds[0] = Math.min(bounds[0], k);
      bounds[1] = Math.max(bounds[1], k);
    });
    int[][] keys = new int[n][];
    long[][] values = new long[n][];
    for (int r = 0; r < n; r++) {
      keys[r] = new int[sizes[r]];
      values[r] = new long[sizes[r]];
    }
    int[] filled = new int[n];
    partial.forEach((k, v) -> {
      int r = mask >= 0 ? k & mask : Math.floorMod(k, n);
      int at = filled[r]++;
      keys[r][at] = k;
      values[r][at] = v;
    });
    return new Split(keys, values, sizes, bounds[0], bounds[1]);
  }

  /**
   * The reduce side: partition {@code r} of every map output merged per key (COUNT's partial counts add up).
   * Where the partition's keys span at most one slot per entry read (or {@link #DENSE_FLOOR}), in a strided
   * array ({@link StridedLongs}: partition r holds only keys q * n + r, so a slot per quotient, none wasted);
   * else in a hash table.
   */
  static PartialLongs merge(List<MapOutput> outputs, int r, LongAggregate aggregate) {
    long entries = 0;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (MapOutput o : outputs) {
      if (o.size(r) > 0) {
        entries += o.size(r);
        lo = Math.min(lo, o.minKey());
        hi = Math.max(hi, o.maxKey());
      }
    }
    if (entries > 0) {
      int n = outputs.get(0).partitions();
      long qMin = Math.floorDiv(lo, n);
      long slots = Math.floorDiv(hi, n) - qMin + 1;
      if (slots <= Math.max(DENSE_FLOOR, entries)) {
        StridedLongs strided = new StridedLongs(r, n, qMin, (int) slots, aggregate);
        for (MapOutput o : outputs) {
          o.forEach(r, strided::merge);
        }
        return strided;
      }
    }
    IntLongTable table = new IntLongTable((int) Math.min(Integer.MAX_VALUE, outputs.stream().mapToLong(o -> o.size(r)).max().orElse(0)));
    for (MapOutput o : outputs) {
      if (aggregate == LongAggregate.SUM || aggregate == LongAggregate.COUNT) {
        o.forEach(r, table::add);
      } else {
        o.forEach(r, (k, v) -> table.merge(k, v, aggregate));
      }
    }
    return table;
  }

  /** The output records, {@code KeyValue<Integer, Long>}: the only objects the fused plan makes, one per key. */
  static java.util.Iterator<Object> boxed(PartialLongs merged) {
    List<Object> records = new ArrayList<>(merged.size());
    merged.forEach((k, v) -> records.add(org.bigdatalab.spi.KeyValue.of(k, v)));
    return records.iterator();
  }

  /** One map task's shuffle output: for each reduce partition, its keys and their partial aggregates. */
  interface MapOutput {
    /** Keys for reduce partition r. */
    int size(int r);

    void forEach(int r, PartialLongs.Entry each);

    /** Keys written, all partitions. */
    default long records() {
      long n = 0;
      for (int r = 0; r < partitions(); r++) {
        n += size(r);
      }
      return n;
    }

    int partitions();

    /** No key of any partition is below this (a bound, not necessarily a key held). */
    int minKey();

    /** No key of any partition is above this. */
    int maxKey();
  }

  /** Keys and partial aggregates copied out per reduce partition. */
  record Split(int[][] keys, long[][] values, int[] sizes, int minKey, int maxKey) implements MapOutput {
    @Override public int size(int r) { return sizes[r]; }

    @Override public int partitions() { return sizes.length; }

    @Override
    public void forEach(int r, PartialLongs.Entry each) {
      for (int i = 0; i < sizes[r]; i++) {
        each.accept(keys[r][i], values[r][i]);
      }
    }
  }
}
