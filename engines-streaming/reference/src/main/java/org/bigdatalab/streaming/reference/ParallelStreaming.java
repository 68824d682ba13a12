package org.bigdatalab.streaming.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StatelessJob;
import org.bigdatalab.streaming.StatelessResult;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;

/**
 * {@code stream-parallel}: keyed state sharded over threads by the key's hash (a tumbling count by a
 * whole-number key kept in primitives, {@link TumblingCount}); each shard's
 * watermark advances as it handles the broadcast, and the job's output watermark is their minimum;
 * checkpoints are barriers through every shard (Chandy-Lamport style), restores rewind the source.
 * The threads live as long as the engine.
 */
public class ParallelStreaming extends EventTimeEngine {

  static final EngineInfo INFO = EngineInfo.builder("stream-parallel", Topic.STREAMING)
      .displayName("Parallel event-time engine")
      .description("keyed state sharded over threads, min-combined watermarks, barrier checkpoints")
      .build();

  private final List<ExecutorService> threads = new ArrayList<>();
  private final int sliceSize;

  public ParallelStreaming(int shards) {
    this(shards, KeyedSlice.SIZE);
  }

  /** With scanned typed batches cut into slices of {@code sliceSize} events (tests: several slices from a batch of a few chunks). */
  ParallelStreaming(int shards, int sliceSize) {
    this.sliceSize = sliceSize;
    if (shards < 1) {
      throw new IllegalArgumentException("shards " + shards + " must be at least 1");
    }
    for (int i = 0; i < shards; i++) {
      int index = i;
      threads.add(Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stream-parallel-shard-" + index);
        t.setDaemon(true);
        return t;
      }));
    }
  }

  @Override
  public EngineInfo info() { return INFO; }

  @Override
  protected int shardCount() { return threads.size(); }

  @Override
  protected <T, A, R> Shards<T> shards(StreamingJob<T, A, R> job, Sink<R> sink, WatermarkCombiner combiner) {
    List<Shard<T, ?>> shards = new ArrayList<>();
    CountFirings firings = null;
    if (TumblingCount.fits(job) && semantics() == HONEST) {
      @SuppressWarnings("unchecked") // a count's results are Longs
      Sink<Long> counts = (Sink<Long>) (Sink<?>) sink;
      firings = new CountFirings(counts, ((org.bigdatalab.streaming.Windows.Tumbling) job.windows()).size(), threads.size());
      combiner.fires(firings);
    }
    for (int i = 0; i < threads.size(); i++) {
      shards.add(new Shard<>(i, state(job, firings), sink, combiner));
    }
    return new ThreadedShards<>(shards, threads);
  }

  @Override
  protected int scannedSliceSize() { return sliceSize; }

  @Override
  protected boolean scansTypedBatches(StreamingJob<?, ?, ?> job) {
    return TumblingCount.fits(job) && semantics() == HONEST;
  }

  /** A tumbling count by a whole-number key in primitives ({@link TumblingCount}); any other job in a {@link WindowOperator}. */
  @SuppressWarnings("unchecked")
  private <T, A, R> KeyedState<T, R> state(StreamingJob<T, A, R> job, CountFirings firings) {
    return firings != null ? (KeyedState<T, R>) new TumblingCount<>(job, firings) : new WindowOperator<>(job, semantics());
  }

  /**
   * The source cut into one contiguous range of records (lines, or events of a typed batch) per thread, each parsed, filtered and mapped on its
   * thread; the outputs are joined in range order, so arrival order is kept.
   */
  @Override
  public <T, R> StatelessResult<R> runStateless(StatelessJob<T, R> job, ScriptedSource source)
      throws StreamingFailedException {
    List<ScriptedSource.Step> steps = source.steps();
    int n = threads.size();
    long records = source.records();
    List<Future<StatelessStage.Part<R>>> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long from = records * i / n;
      long to = records * (i + 1) / n;
      parts.add(threads.get(i).submit(() -> StatelessStage.run(job, steps, from, to)));
    }
    List<StatelessStage.Part<R>> done = new ArrayList<>();
    for (Future<StatelessStage.Part<R>> f : parts) {
      try {
        done.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StreamingFailedException("interrupted while waiting for the stateless ranges", e);
      } catch (ExecutionException e) {
        throw StatelessStage.failed(job, e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
      }
    }
    return StatelessStage.concat(done);
  }

  @Override
  public void close() throws IOException {
    threads.forEach(ExecutorService::shutdownNow);
  }
}
