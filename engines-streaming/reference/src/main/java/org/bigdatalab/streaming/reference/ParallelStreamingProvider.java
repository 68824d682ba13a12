package org.bigdatalab.streaming.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code stream-parallel}. Option {@code shards}: how many shard threads; by default one
 * per core, at most 4 (more shards than cores only add hand-offs, and each shard of a typed tumbling
 * count reads every event of the batch).
 */
public final class ParallelStreamingProvider implements EngineProvider {
  @Override public EngineInfo info() { return ParallelStreaming.INFO; }
  @Override
  public Engine create(EngineOptions options) {
    return new ParallelStreaming(options.getInt("shards", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))));
  }
}
