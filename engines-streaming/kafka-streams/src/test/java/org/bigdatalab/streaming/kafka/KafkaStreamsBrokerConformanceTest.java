package org.bigdatalab.streaming.kafka;

import java.io.IOException;
import org.bigdatalab.kafka.broker.EmbeddedKafkaBroker;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;

/**
 * The streaming spec against {@code kafka-streams} on a real broker ({@code bootstrap.servers}
 * pointing at an {@link EmbeddedKafkaBroker}): every job creates topics, starts a Kafka Streams
 * application with exactly-once v2 and reads its output back (about a second each here), so
 * properties run two cases each: 30-45 s for the class on a 2-core machine (see the module's
 * README.md). Properties' seeds and shrinking work as in the driver's suite.
 */
@PropertyDefaults(tries = 2)
class KafkaStreamsBrokerConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() throws Exception {
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker();
    return new KafkaStreamsEngine(TestBrokers.options(broker)) {
      @Override
      public void close() throws IOException {
        broker.close();
      }
    };
  }
}
