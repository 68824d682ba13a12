package org.bigdatalab.dataflow.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.dataflow.Plan;

/**
 * df-parallel's plan for a declared long aggregate ({@link Plan.LongAggregateByKeyOp}) whose stage
 * still reads {@link Plan.IntLongColumns} directly: what Spark's whole-stage code generation does
 * for a DataFrame's {@code groupBy(k).sum(v)}, written by hand. Each map task is one loop over its
 * slice's two arrays into a {@link DenseLongs} array where the slice's keys span a narrow range, else
 * an {@link IntLongTable} (an index or a probe and an add per record, no object), the
 * table is split by the pinned hash partitioning into primitive arrays, and those arrays are the
 * shuffle; each reduce task merges its arrays from every map task into one table and boxes a
 * record per key only as the records leave. The records, and the partition each lands in, are the
 * boxed path's; stage metrics count as it does: each map task's slice read, the keys written after
 * the map-side merge, and each reduce task's entries read.
 */
class FusedLongAggregate {
  static final FusedLongAggregate INSTANCE = new FusedLongAggregate();

  /** Keys a map task's table starts with room for: it grows by doubling from there. */
  private static final int FIRST_KEYS = 1024;

  FusedLongAggregate() {}

  /** Whether every task of {@code in} reads columns with nothing in between, so the fused loop may replace it. */
  static boolean applies(Staged in) {
    return in.tasks().stream().allMatch(t -> t.columns() != null);
  }

  /** Runs the map stage now and opens the reduce stage over its primitive output. */
  Staged run(StageRunner runner, Staged in, Plan.LongAggregateByKeyOp op, int n)
      throws DataflowFailedException {
    LongAggregate aggregate = op.aggregate();
    List<MapOutput> written = runner.run(in, (task, unread) -> split(fold(task.columns(), aggregate), n),
        MapOutput::records, x -> 0);
    List<MapOutput> read = shuffleRead(written);
    List<Task> tasks = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      int partition = r;
      long entries = read.stream().mapToLong(o -> o.sizes[partition]).sum();
      tasks.add(new Task(r, entries, () -> merge(read, partition, aggregate).records()));
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
  private static final int DENSE_FLOOR = 4096;

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
   * A map task's keys cut into one pair of arrays per reduce partition. The partition is
   * {@link org.bigdatalab.dataflow.HashPartitioning}'s, computed without a box: an Integer's hash is its value, so
   * it is {@code floorMod(key, n)}.
   */
  static MapOutput split(PartialLongs partial, int n) {
    int mask = Integer.bitCount(n) == 1 ? n - 1 : -1; // floorMod by a power of two is a mask: no division per key
    int[] sizes = new int[n];
    partial.forEach((k, v) -> sizes[mask >= 0 ? k & mask : Math.floorMod(k, n)]++);
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
    return new MapOutput(keys, values, sizes);
  }

  /** The reduce side: partition {@code r} of every map output merged into one table. */
  static IntLongTable merge(List<MapOutput> outputs, int r, LongAggregate aggregate) {
    int largest = outputs.stream().mapToInt(o -> o.sizes[r]).max().orElse(0);
    IntLongTable table = new IntLongTable(largest);
    boolean adds = aggregate == LongAggregate.SUM || aggregate == LongAggregate.COUNT;
    for (MapOutput o : outputs) {
      int[] keys = o.keys[r];
      long[] values = o.values[r];
      for (int i = 0; i < keys.length; i++) {
        if (adds) {
          table.add(keys[i], values[i]);
        } else {
          table.merge(keys[i], values[i], aggregate);
        }
      }
    }
    return table;
  }

  /** One map task's shuffle output: for each reduce partition, its keys and their partial aggregates. */
  record MapOutput(int[][] keys, long[][] values, int[] sizes) {
    long records() { return Arrays.stream(sizes).asLongStream().sum(); }
  }
}
