package org.bigdatalab.kafka.broker;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.bigdatalab.spi.fork.DaemonJvm;
import org.bigdatalab.spi.fork.EngineJvm;

/**
 * A one-node KRaft cluster as a process of its own on 127.0.0.1 ({@link EmbeddedKafkaBroker#main}
 * in a child JVM, through {@link DaemonJvm}): what the {@code @broker} rows of {@code kafka} and
 * {@code kafka-streams} run against, so their clients reach the broker over the network as they
 * would a real cluster's, and nothing of the broker shares their JVM.
 */
public final class KafkaBrokerJvm implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(90);
  private static final Pattern READY = Pattern.compile(Pattern.quote(EmbeddedKafkaBroker.READY) + "(\\S+)");

  private final DaemonJvm daemon;
  private final String bootstrapServers;

  private KafkaBrokerJvm(DaemonJvm daemon, String bootstrapServers) {
    this.daemon = daemon;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts the broker with this JVM's class path (which holds this module) and returns once it
   * answers; its log is {@code target/cluster-logs/kafka-broker-<n>.log}.
   */
  public static KafkaBrokerJvm start() throws IOException {
    DaemonJvm daemon = EngineJvm.launch(DaemonJvm.uniqueName("kafka-broker"), EngineJvm.split(System.getProperty("java.class.path")),
        EmbeddedKafkaBroker.class.getName()).heapMegabytes(768).purpose("a Kafka broker").start(List.of());
    try {
      return new KafkaBrokerJvm(daemon, daemon.awaitLine(READY, START).group(1));
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:port}. */
  public String bootstrapServers() { return bootstrapServers; }

  @Override
  public void close() {
    daemon.close();
  }
}
