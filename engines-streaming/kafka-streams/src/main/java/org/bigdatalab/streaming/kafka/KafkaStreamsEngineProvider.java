package org.bigdatalab.streaming.kafka;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code kafka-streams} (embedded TopologyTestDriver). It takes no options yet. */
public final class KafkaStreamsEngineProvider implements EngineProvider {
  @Override public EngineInfo info() { return KafkaStreamsEngine.INFO; }
  @Override public Engine create(EngineOptions options) { return new KafkaStreamsEngine(); }
}
