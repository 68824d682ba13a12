package org.bigdatalab.streaming.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.bigdatalab.kafka.broker.KafkaBrokerJvm;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;

/**
 * {@code kafka-streams@broker}: the engine's broker path ({@code bootstrap.servers}, {@link BrokerRun})
 * against a KRaft broker it starts as a process of its own on 127.0.0.1 ({@link KafkaBrokerJvm}) and
 * stops on close, so the matrix shows what holds with the broker across the network. Other options
 * are {@link BrokerOptions}' keys ({@code bootstrap.servers} gives way to its own broker);
 * {@code drain.timeout.ms} defaults to 30 s here.
 */
public final class KafkaStreamsOnBroker extends KafkaStreamsEngine {
  static final EngineInfo INFO = BrokerOptions.INFO.on("broker", "a KRaft broker in a separate JVM", Map.of());

  private final KafkaBrokerJvm broker;

  private KafkaStreamsOnBroker(EngineOptions options, KafkaBrokerJvm broker) {
    super(options);
    this.broker = broker;
  }

  @Override
  public EngineInfo info() { return INFO; }

  @Override
  public void close() throws IOException {
    broker.close();
  }

  /** Registers {@code kafka-streams@broker}. */
  public static final class Provider implements EngineProvider {
    @Override public EngineInfo info() { return INFO; }

    @Override
    public Engine create(EngineOptions options) {
      return ClusterRow.start("kafka-streams@broker", "the broker's JVM", KafkaBrokerJvm::start, broker -> {
        return new KafkaStreamsOnBroker(ClusterRow.options(Map.of("drain.timeout.ms", Long.toString(Duration.ofSeconds(30).toMillis())),
            options, Map.of(BrokerOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers())), broker);
      });
    }
  }
}
