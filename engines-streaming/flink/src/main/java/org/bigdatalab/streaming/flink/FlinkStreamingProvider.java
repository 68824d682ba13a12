package org.bigdatalab.streaming.flink;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code flink} (one embedded MiniCluster per engine). Options: {@code flink.slots}
 * (task slots of the MiniCluster, default 2); other keys starting with a Flink option prefix
 * (for example {@code taskmanager.memory.network.min}) go to the MiniCluster's configuration.
 */
public final class FlinkStreamingProvider implements EngineProvider {
  @Override public EngineInfo info() { return FlinkStreaming.INFO; }
  @Override public Engine create(EngineOptions options) { return new FlinkStreaming(options); }
}
