package org.bigdatalab.streaming.kafka;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;

/**
 * The streaming spec against {@code kafka-streams@broker}: the {@code bootstrap.servers} path on a
 * KRaft broker in a separate JVM on 127.0.0.1 ({@link KafkaStreamsOnBroker}, its log under
 * {@code target/cluster-logs/}). Every job creates topics, starts a Kafka Streams application with
 * exactly-once v2 and reads its output back over the network (about a second each here), so
 * properties run two cases each: 30-45 s for the class on a 2-core machine (see the module's
 * README.md). Properties' seeds and shrinking work as in the driver's suite.
 */
@PropertyDefaults(tries = 2)
class KafkaStreamsBrokerConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() {
    return (StreamingEngine) new KafkaStreamsOnBroker.Provider().create(EngineOptions.NONE);
  }
}
