package org.bigdatalab.streaming.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code stream-parallel}. Option {@code shards} (default 4): how many shard threads. */
public final class ParallelStreamingProvider implements EngineProvider {
  @Override public EngineInfo info() { return ParallelStreaming.INFO; }
  @Override public Engine create(EngineOptions options) { return new ParallelStreaming(options.getInt("shards", 4)); }
}
