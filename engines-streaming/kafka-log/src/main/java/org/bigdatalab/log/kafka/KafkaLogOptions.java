package org.bigdatalab.log.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bigdatalab.spi.EngineOptions;

/**
 * What {@code kafka} reads from {@code --engine-opt k=v}:
 * <ul>
 *   <li>{@code bootstrap.servers}: a cluster, {@code host:port[,host:port…]}; without it the engine
 *       starts an embedded KRaft broker of its own and stops it on close;</li>
 *   <li>{@code topic.prefix}: put before every topic and consumer group name; by default none on the
 *       embedded broker and {@code bigdatalab-log-<random>-} on a cluster, so two runs against one
 *       cluster never meet (a topic that exists is refused, as the SPI says);</li>
 *   <li>{@code replication.factor} (default: the broker's) of the topics it creates;</li>
 *   <li>{@code timeout.ms} (default 30000): how long one call waits for the cluster;</li>
 *   <li>any other key goes as is to the admin, producer and consumer configs (for example
 *       {@code security.protocol}, {@code sasl.jaas.config}); a client warns about keys it does not
 *       know and ignores them.</li>
 * </ul>
 */
record KafkaLogOptions(Optional<String> bootstrapServers, String prefix, Optional<Short> replicationFactor, Duration timeout,
                       Map<String, Object> clientConfig) {

  static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  private static final Set<String> OWN = Set.of(BOOTSTRAP_SERVERS, "topic.prefix", "replication.factor", "timeout.ms");

  KafkaLogOptions {
    clientConfig = Map.copyOf(clientConfig);
  }

  static KafkaLogOptions from(EngineOptions options) {
    Optional<String> servers = options.get(BOOTSTRAP_SERVERS).map(String::trim);
    if (servers.isPresent() && servers.get().isEmpty()) {
      throw new IllegalArgumentException("kafka: " + BOOTSTRAP_SERVERS + " is empty; give host:port[,host:port…] or leave it out"
          + " for an embedded broker");
    }
    int replication = options.getInt("replication.factor", -1);
    if (replication == 0 || replication < -1 || replication > Short.MAX_VALUE) {
      throw new IllegalArgumentException("kafka: replication.factor=" + replication + " must be positive");
    }
    int timeoutMs = options.getInt("timeout.ms", 30_000);
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("kafka: timeout.ms=" + timeoutMs + " must be positive");
    }
    String prefix = options.get("topic.prefix")
        .orElse(servers.isPresent() ? "bigdatalab-log-" + UUID.randomUUID().toString().substring(0, 8) + "-" : "");
    Map<String, Object> passed = new HashMap<>();
    options.values().forEach((k, v) -> {
      if (!OWN.contains(k)) {
        passed.put(k, v);
      }
    });
    return new KafkaLogOptions(servers, prefix, replication < 0 ? Optional.empty() : Optional.of((short) replication),
        Duration.ofMillis(timeoutMs), passed);
  }

  /** The options with the cluster named: how the engine continues once its embedded broker is up. */
  KafkaLogOptions at(String servers) {
    return new KafkaLogOptions(Optional.of(servers), prefix, replicationFactor, timeout, clientConfig);
  }

  /** The config every client of the engine starts from. */
  Map<String, Object> client() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(BOOTSTRAP_SERVERS, bootstrapServers.orElseThrow());
    return config;
  }
}
