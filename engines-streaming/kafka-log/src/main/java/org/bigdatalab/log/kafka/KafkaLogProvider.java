package org.bigdatalab.log.kafka;

import org.bigdatalab.kafka.broker.EmbeddedKafkaBroker;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;

/** Registers {@code kafka}: on the cluster {@code bootstrap.servers} names, or on a broker of its own (see {@link KafkaLogOptions}). */
public final class KafkaLogProvider implements EngineProvider {
  @Override public EngineInfo info() { return KafkaLog.INFO; }

  @Override
  public Engine create(EngineOptions engineOptions) {
    KafkaLogOptions options = KafkaLogOptions.from(engineOptions);
    if (options.bootstrapServers().isPresent()) {
      return new KafkaLog(options, null, KafkaLog.INFO);
    }
    return ClusterRow.start("kafka", "the embedded broker", EmbeddedKafkaBroker::new,
        broker -> new KafkaLog(options.at(broker.bootstrapServers()), broker, KafkaLog.INFO));
  }
}
