package org.bigdatalab.streaming.kafka;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code kafka-streams}: TopologyTestDriver with no options; a real broker with
 * {@code bootstrap.servers=host:port} (more keys in {@link BrokerOptions}).
 */
public final class KafkaStreamsEngineProvider implements EngineProvider {
  @Override public EngineInfo info() { return KafkaStreamsEngine.INFO; }
  @Override public Engine create(EngineOptions options) { return new KafkaStreamsEngine(options); }
}
