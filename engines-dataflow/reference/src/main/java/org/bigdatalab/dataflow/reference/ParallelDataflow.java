package org.bigdatalab.dataflow.reference;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * {@code df-parallel}: the tasks of each stage run on a fixed thread pool; stages are split at
 * shuffles and run one after another (a stage's tasks only start when the shuffle they read is
 * complete). Shuffles are hash-partitioned in memory, reduceByKey and aggregateByKey combine
 * map-side (in {@link TableMerge}'s dense per-key arrays, primitive longs for {@code Long::sum}
 * and its kin; a declared long aggregate over int/long columns runs as {@link FusedLongAggregate}'s
 * primitive loops and shuffles primitive arrays, and so does a reduceByKey by such a merge over boxed
 * {@code KeyValue<Integer, Long>} records, through {@link RecordLongReduce}), broadcast joins copy the small side to every task, and a join with a
 * {@link org.bigdatalab.dataflow.SkewJoinPolicy} splits its skewed partitions into several tasks,
 * as Spark's adaptive query execution does.
 */
public class ParallelDataflow extends PartitionedDataflow {

  public static final EngineInfo INFO = EngineInfo.builder("df-parallel", Topic.DATAFLOW)
      .displayName("Parallel dataflow (reference)")
      .description("Thread pool per stage, hash-partitioned in-memory shuffles, map-side combine, broadcast joins,"
          + " adaptive skew-join splitting.")
      .build();

  private final ExecutorService pool;

  public ParallelDataflow(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    AtomicInteger ids = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "df-parallel-" + ids.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override public EngineInfo info() { return INFO; }

  @Override protected ExecutorService pool() { return pool; }

  @Override protected boolean splitsSkewedJoins() { return true; }

  @Override protected KeyedMerge keyedMerge() { return TableMerge.INSTANCE; }

  @Override protected java.util.List<Object> shuffleBucket() { return new ShuffleBucket(); }

  @Override protected FusedLongAggregate fusedLongAggregate() { return FusedLongAggregate.INSTANCE; }

  @Override protected RecordLongReduce recordLongReduce() { return RecordLongReduce.INSTANCE; }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
