package org.bigdatalab.log.kafka;

import org.bigdatalab.kafka.broker.EmbeddedKafkaBroker;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code kafka}: on the cluster {@code bootstrap.servers} names, or on a broker of its own (see {@link KafkaLogOptions}). */
public final class KafkaLogProvider implements EngineProvider {
  @Override public EngineInfo info() { return KafkaLog.INFO; }

  @Override
  public Engine create(EngineOptions engineOptions) {
    KafkaLogOptions options = KafkaLogOptions.from(engineOptions);
    if (options.bootstrapServers().isPresent()) {
      return new KafkaLog(options, null, KafkaLog.INFO);
    }
    EmbeddedKafkaBroker broker;
    try {
      broker = new EmbeddedKafkaBroker();
    } catch (Exception e) {
      throw new IllegalStateException("kafka: the embedded broker did not start: " + e.getMessage(), e);
    }
    try {
      return new KafkaLog(options.at(broker.bootstrapServers()), broker, KafkaLog.INFO);
    } catch (RuntimeException e) {
      try {
        broker.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
