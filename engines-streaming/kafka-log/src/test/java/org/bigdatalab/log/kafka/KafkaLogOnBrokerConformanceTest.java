package org.bigdatalab.log.kafka;

import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.spec.LogSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;

/**
 * The event log spec against {@code kafka@broker}: the engine's {@code bootstrap.servers} path on a
 * KRaft broker in a separate JVM on 127.0.0.1 (its log under {@code target/cluster-logs/}). Three
 * cases per property: the embedded row ({@link KafkaLogConformanceTest}) covers the generated
 * inputs, this row that nothing in the path needs the broker in the client's JVM.
 */
@Tag("cluster")
@PropertyDefaults(tries = 3, triesProperty = "kafka.log.broker.tries")
class KafkaLogOnBrokerConformanceTest extends LogSpec {
  @Override
  protected EventLog createEngine() {
    return (EventLog) new KafkaLogOnBrokerProvider().create(EngineOptions.NONE);
  }
}
