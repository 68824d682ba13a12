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
 * slice's two arrays into an {@link IntLongTable} (a probe and an add per record, no object), the
 * table is split by the engine's hash partitioning into primitive arrays, and those arrays are the
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
  Staged run(StageRunner runner, PartitionedDataflow engine, Staged in, Plan.LongAggregateByKeyOp op, int n)
      throws DataflowFailedException {
    LongAggregate aggregate = op.aggregate();
    List<MapOutput> written = runner.run(in, (task, unread) -> split(fold(task.columns(), aggregate), n, engine),
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

  /** The map side: the slice's records merged per key, one loop per aggregate so the loop body is a probe and one op. */
  static IntLongTable fold(ColumnRange slice, LongAggregate aggregate) {
    IntLongTable table = new IntLongTable(Math.min(FIRST_KEYS, slice.size()));
    int[] keys = slice.keys();
    long[] values = slice.values();
    int to = slice.to();
    switch (aggregate) {
      case SUM -> {
        for (int j = slice.from(); j < to; j++) {
          table.add(keys[j], values[j]);
        }
      }
      case COUNT -> {
        for (int j = slice.from(); j < to; j++) {
          table.add(keys[j], 1);
        }
      }
      default -> {
        for (int j = slice.from(); j < to; j++) {
          table.merge(keys[j], values[j], aggregate);
        }
      }
    }
    return table;
  }

  /** A map task's table cut into one pair of arrays per reduce partition, by the engine's partitioning of Integer keys. */
  static MapOutput split(IntLongTable table, int n, PartitionedDataflow engine) {
    int[][] keys = new int[n][];
    long[][] values = new long[n][];
    int[] sizes = new int[n];
    int[] first = new int[Math.max(1, table.size())];
    int[] at = {0};
    table.forEach((k, v) -> {
      int r = engine.partitionOf(k, n);
      first[at[0]++] = r;
      sizes[r]++;
    });
    for (int r = 0; r < n; r++) {
      keys[r] = new int[sizes[r]];
      values[r] = new long[sizes[r]];
    }
    int[] filled = new int[n];
    at[0] = 0;
    table.forEach((k, v) -> {
      int r = first[at[0]++];
      keys[r][filled[r]] = k;
      values[r][filled[r]++] = v;
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
