package org.bigdatalab.streaming.reference;

import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamingJob;

/**
 * {@code stream-sequential}: the whole job in one thread, one shard, one loop. The simple engine
 * the others are compared with in reading, and the base the self-test's broken engines change.
 */
public class SequentialStreaming extends EventTimeEngine {

  static final EngineInfo INFO = EngineInfo.builder("stream-sequential", Topic.STREAMING)
      .displayName("Sequential event-time engine")
      .description("one thread: event-time windows, watermarks, allowed lateness, side output, checkpoints")
      .build();

  @Override
  public EngineInfo info() { return INFO; }

  @Override
  protected int shardCount() { return 1; }

  @Override
  protected <T, A, R> Shards<T> shards(StreamingJob<T, A, R> job, Sink<R> sink, WatermarkCombiner combiner) {
    return new InlineShards<>(new Shard<>(0, new WindowOperator<>(job, semantics()), sink, combiner));
  }
}
