package org.bigdatalab.streaming.kafka;

import java.time.Duration;
import java.util.Map;
import org.bigdatalab.kafka.broker.EmbeddedKafkaBroker;
import org.bigdatalab.spi.EngineOptions;

/** The engine options the broker tests give {@code kafka-streams}: a shared embedded broker, a short drain timeout. */
final class TestBrokers {
  private TestBrokers() {}

  static EngineOptions options(EmbeddedKafkaBroker broker) {
    return new EngineOptions(Map.of("bootstrap.servers", broker.bootstrapServers(),
        "drain.timeout.ms", Long.toString(Duration.ofSeconds(30).toMillis())));
  }
}
