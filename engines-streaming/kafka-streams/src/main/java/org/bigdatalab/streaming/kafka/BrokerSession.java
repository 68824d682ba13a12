package org.bigdatalab.streaming.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.bigdatalab.streaming.StreamingFailedException;

/**
 * One run against a broker, from its topics to their deletion: creates the run's topics, starts a
 * {@link KafkaStreams} instance on a topology, reads what it wrote (read-committed, so only what
 * its exactly-once transactions committed), and on close stops it and deletes its topics, consumer
 * group and local state. One partition per topic: one task per sub-topology, so arrival order and
 * stream time are those of the script, as in TopologyTestDriver.
 */
final class BrokerSession implements AutoCloseable {

  /**
   * Topic settings for every topic of a run, the internal ones included. The flush and end markers
   * carry times far in the future, which brokers refuse by default (Kafka 4:
   * {@code message.timestamp.after.max.ms} is one hour); event times are decades old (the offset
   * that keeps them positive), which time retention would delete, so nothing expires by time.
   */
  private static final Map<String, String> TOPIC_CONFIG = Map.of(
      TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE),
      TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime",
      TopicConfig.RETENTION_MS_CONFIG, "-1");

  private final BrokerOptions options;
  private final TopicNames topics;
  private final Admin admin;
  private final Path stateDir;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private KafkaStreams streams;

  private BrokerSession(BrokerOptions options) throws IOException {
    this.options = options;
    this.topics = TopicNames.fresh(options);
    this.admin = Admin.create(options.client());
    this.stateDir = Files.createTempDirectory("kafka-streams-state");
  }

  /** Opens a run: fresh names and its own topics, created and ready. */
  static BrokerSession open(BrokerOptions options) throws StreamingFailedException {
    BrokerSession session = null;
    try {
      session = new BrokerSession(options);
      List<NewTopic> own = session.topics.own().stream()
          .map(name -> new NewTopic(name, java.util.Optional.of(1), options.replicationFactor()).configs(TOPIC_CONFIG))
          .toList();
      session.await(session.admin.createTopics(own).all(), "create topics " + session.topics.own());
      session.awaitVisible();
      return session;
    } catch (IOException | StreamingFailedException | RuntimeException e) {
      if (session != null) {
        session.close();
      }
      throw e instanceof StreamingFailedException s ? s
          : new StreamingFailedException("kafka-streams: cannot open a run on " + options.bootstrapServers() + ": " + e, e);
    }
  }

  TopicNames topics() { return topics; }

  /**
   * Waits until the broker's metadata lists the new topics: creation returns once the controller
   * has them, and a Streams application that joins before its broker knows its source topic fails
   * at once ({@code MissingSourceTopicException}).
   */
  private void awaitVisible() throws StreamingFailedException {
    long deadline = System.nanoTime() + options.drainTimeout().toNanos();
    while (true) {
      try {
        admin.describeTopics(topics.own()).allTopicNames().get(options.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw new StreamingFailedException("kafka-streams: topics " + topics.own() + " not visible on "
              + options.bootstrapServers() + ": " + e.getCause(), e);
        }
      } catch (TimeoutException e) {
        throw new StreamingFailedException("kafka-streams: topics " + topics.own() + " not visible after drain.timeout.ms", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StreamingFailedException("kafka-streams: interrupted while waiting for topics", e);
      }
    }
  }

  KafkaProducer<String, String> producer() {
    Map<String, Object> config = options.client();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Starts the topology with the driver's settings, exactly-once v2, and the run's names; a dead stream thread fails the run. */
  void start(Topology topology, Properties driverConfig) {
    Properties props = new Properties();
    props.putAll(driverConfig);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    // A run is a few records: latency, not batching, decides its time. A consumer waits up to
    // fetch.max.wait.ms (500 ms) for data, and read-committed data is visible only after a commit.
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 20);
    // Likewise the join of a new application and the stream thread's idle poll (halves a run's time here).
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 100);
    props.put(StreamsConfig.POLL_MS_CONFIG, 10);
    TOPIC_CONFIG.forEach((k, v) -> props.put(StreamsConfig.topicPrefix(k), v));
    props.putAll(options.streams());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(e -> {
      failure.compareAndSet(null, e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.start();
  }

  /**
   * Reads {@code topic} from its start until a record that {@code end} accepts (left out), within the
   * drain timeout. The record's value is Java-serialized (see {@link JavaSerde}).
   */
  List<ConsumerRecord<String, Object>> readUntil(String topic, Predicate<ConsumerRecord<String, Object>> end)
      throws StreamingFailedException {
    List<ConsumerRecord<String, Object>> read = new ArrayList<>();
    long deadline = System.nanoTime() + options.drainTimeout().toNanos();
    try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
      while (true) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          ConsumerRecord<String, Object> record = decoded(r);
          if (end.test(record)) {
            return read;
          }
          read.add(record);
        }
        failIfStopped();
        if (System.nanoTime() > deadline) {
          throw new StreamingFailedException("kafka-streams: no end marker on " + topic + " after drain.timeout.ms="
              + options.drainTimeout().toMillis() + " (" + read.size() + " records read; streams state " + streams.state() + ")", null);
        }
      }
    }
  }

  /** Reads {@code topic} from its start to its last committed record. */
  List<ConsumerRecord<String, Object>> readAll(String topic) throws StreamingFailedException {
    List<ConsumerRecord<String, Object>> read = new ArrayList<>();
    TopicPartition partition = new TopicPartition(topic, 0);
    long deadline = System.nanoTime() + options.drainTimeout().toNanos();
    try (KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
      long end = consumer.endOffsets(List.of(partition), options.drainTimeout()).get(partition);
      while (consumer.position(partition, options.drainTimeout()) < end) {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> read.add(decoded(r)));
        if (System.nanoTime() > deadline) {
          throw new StreamingFailedException("kafka-streams: " + topic + " not read to offset " + end
              + " after drain.timeout.ms=" + options.drainTimeout().toMillis(), null);
        }
      }
    }
    return read;
  }

  /** Events the windows dropped for arriving past grace: Kafka Streams' {@code dropped-records-total}, summed over tasks. */
  long droppedRecords() {
    return streams.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("dropped-records-total"))
        .mapToLong(e -> ((Number) e.getValue().metricValue()).longValue()).sum();
  }

  @Override
  public void close() {
    try {
      if (streams != null && streams.close(options.drainTimeout())) {
        streams.cleanUp();  // only once stopped: it refuses a running instance
      }
      List<String> made = new ArrayList<>(topics.own());
      admin.listTopics().names().get(options.drainTimeout().toMillis(), TimeUnit.MILLISECONDS).stream()
          .filter(topics::internal).forEach(made::add);
      admin.deleteTopics(made).all().get(options.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
      admin.deleteConsumerGroups(List.of(topics.applicationId())).all()
          .get(options.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Cleaning up is best effort: a topic or group left behind is named after the run and harmless.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      admin.close(options.drainTimeout());
      deleteRecursively(stateDir);
    }
  }

  private KafkaConsumer<String, byte[]> consumer(String topic) {
    Map<String, Object> config = new HashMap<>(options.client());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    return consumer;
  }

  private static ConsumerRecord<String, Object> decoded(ConsumerRecord<String, byte[]> r) {
    Object value = JavaSerde.create().deserializer().deserialize(r.topic(), r.value());
    return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value);
  }

  private void failIfStopped() throws StreamingFailedException {
    Throwable failed = failure.get();
    if (failed != null) {
      throw new StreamingFailedException("kafka-streams topology failed: " + failed, failed);
    }
    if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
      throw new StreamingFailedException("kafka-streams stopped before the end of its input (state " + streams.state() + ")", null);
    }
  }

  private void await(org.apache.kafka.common.KafkaFuture<?> future, String what) throws StreamingFailedException {
    try {
      future.get(options.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new StreamingFailedException("kafka-streams: cannot " + what + " on " + options.bootstrapServers() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamingFailedException("kafka-streams: interrupted while trying to " + what, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }
}
