package org.bigdatalab.streaming.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamingClauses;

/**
 * A real Kafka cluster, named by the engine options ({@code --engine-opt k=v}). Keys:
 * <ul>
 *   <li>{@code bootstrap.servers} (selects this mode): {@code host:port[,host:port…]};</li>
 *   <li>{@code topic.prefix} (default {@code bigdatalab-}): every run creates its own input, output and
 *       dead-letter topics under it, and deletes them when done;</li>
 *   <li>{@code application.id.prefix} (default {@code bigdatalab-}): each run is a new Streams application
 *       (its internal repartition and changelog topics are named after it, and deleted too);</li>
 *   <li>{@code drain.timeout.ms} (default 60000): how long a run waits for its end marker on the output
 *       before it fails;</li>
 *   <li>{@code replication.factor} (default: the broker's): of the run's own topics;</li>
 *   <li>any other key goes as is to the Streams config (for example {@code processing.guarantee},
 *       {@code group.protocol}, or {@code consumer.fetch.max.wait.ms} for its consumers only); the
 *       connection keys among them ({@code security.*}, {@code sasl.*}, {@code ssl.*},
 *       {@code client.dns.lookup}) also go to the run's own admin, producer and reader, which would
 *       refuse some Streams-only values (such as {@code group.protocol=streams}).</li>
 * </ul>
 */
record BrokerOptions(String bootstrapServers, String topicPrefix, String applicationIdPrefix, Duration drainTimeout,
                     Optional<Short> replicationFactor, Map<String, Object> clientConfig) {

  static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  private static final Set<String> OWN = Set.of(BOOTSTRAP_SERVERS, "topic.prefix", "application.id.prefix",
      "drain.timeout.ms", "replication.factor");

  /** What the engine keeps against a broker: the same topology, so the same gaps as the driver's but exactly-once's. */
  static final EngineInfo INFO = EngineInfo.builder("kafka-streams", Topic.STREAMING)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Kafka Streams (broker)")
      .description("Kafka Streams DSL topology with grace and suppression, run by a KafkaStreams instance against a real broker"
          + " (exactly_once_v2; topics created and deleted per run)")
      .unsupported(StreamingClauses.WATERMARK_MONOTONIC,
          KafkaStreamsEngine.INFO.unsupported().get(StreamingClauses.WATERMARK_MONOTONIC))
      .unsupported(StreamingClauses.LATENESS_ALLOWED,
          KafkaStreamsEngine.INFO.unsupported().get(StreamingClauses.LATENESS_ALLOWED))
      .unsupported(StreamingClauses.EXACTLY_ONCE,
          "runs use processing.guarantee=exactly_once_v2 (results are read read-committed), but no crash is injected on"
              + " this path, half the clause's runs are updates-mode jobs, which this engine refuses (see "
              + StreamingClauses.LATENESS_ALLOWED + "), and the count of events dropped past grace is a per-task metric"
              + " that a restored task does not carry over")
      .build();

  BrokerOptions {
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("kafka-streams: " + BOOTSTRAP_SERVERS + " is empty; give host:port[,host:port…]");
    }
    if (drainTimeout.isNegative() || drainTimeout.isZero()) {
      throw new IllegalArgumentException("kafka-streams: drain.timeout.ms=" + drainTimeout.toMillis() + " must be positive");
    }
    clientConfig = Map.copyOf(clientConfig);
  }

  /** The broker the options name, or null when they name none (TopologyTestDriver). */
  static BrokerOptions from(EngineOptions options) {
    Optional<String> servers = options.get(BOOTSTRAP_SERVERS);
    if (servers.isEmpty()) {
      options.values().keySet().stream().filter(OWN::contains).findFirst().ifPresent(key -> {
        throw new IllegalArgumentException("kafka-streams: option " + key + " needs " + BOOTSTRAP_SERVERS
            + " (without it the engine runs TopologyTestDriver, which has no broker)");
      });
      return null;
    }
    Map<String, Object> passed = new HashMap<>();
    options.values().forEach((k, v) -> {
      if (!OWN.contains(k)) {
        passed.put(k, v);
      }
    });
    int replication = options.getInt("replication.factor", -1);
    if (replication == 0 || replication < -1 || replication > Short.MAX_VALUE) {
      throw new IllegalArgumentException("kafka-streams: replication.factor=" + replication + " must be positive");
    }
    return new BrokerOptions(servers.get().trim(), options.get("topic.prefix").orElse("bigdatalab-"),
        options.get("application.id.prefix").orElse("bigdatalab-"),
        Duration.ofMillis(options.getInt("drain.timeout.ms", 60_000)),
        replication < 0 ? Optional.empty() : Optional.of((short) replication), passed);
  }

  /** The config the run's own admin, producer and reader start from: the cluster and the connection keys. */
  Map<String, Object> client() {
    Map<String, Object> config = new HashMap<>();
    clientConfig.forEach((k, v) -> {
      if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.") || k.equals("client.dns.lookup")) {
        config.put(k, v);
      }
    });
    config.put(BOOTSTRAP_SERVERS, bootstrapServers);
    return config;
  }

  /** The keys for the Streams config: the cluster and every passed-through key. */
  Map<String, Object> streams() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(BOOTSTRAP_SERVERS, bootstrapServers);
    return config;
  }
}
