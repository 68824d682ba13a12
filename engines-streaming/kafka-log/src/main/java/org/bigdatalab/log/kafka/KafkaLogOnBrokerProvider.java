package org.bigdatalab.log.kafka;

import org.bigdatalab.kafka.broker.KafkaBrokerJvm;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;

/**
 * Registers {@code kafka@broker}: {@code kafka} with {@code bootstrap.servers} pointing at a KRaft
 * broker that this engine starts as a process of its own on 127.0.0.1 ({@link KafkaBrokerJvm}) and
 * stops on close. It is the cluster path, {@code bootstrap.servers}, proven in the matrix; other
 * options are {@code kafka}'s ({@link KafkaLogOptions}), and a {@code bootstrap.servers} among them
 * (meant for {@code kafka} in a run of several engines) gives way to its own broker.
 */
public final class KafkaLogOnBrokerProvider implements EngineProvider {
  @Override public EngineInfo info() { return KafkaLog.ON_BROKER; }

  @Override
  public Engine create(EngineOptions engineOptions) {
    KafkaLogOptions options = KafkaLogOptions.from(engineOptions);
    return ClusterRow.start("kafka@broker", "the broker's JVM", KafkaBrokerJvm::start,
        broker -> new KafkaLog(options.at(broker.bootstrapServers()), broker, KafkaLog.ON_BROKER));
  }
}
