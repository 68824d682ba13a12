package org.bigdatalab.log.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogClauses;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.log.OffsetOutOfRangeException;
import org.bigdatalab.log.OnBadRecord;
import org.bigdatalab.log.Polled;
import org.bigdatalab.log.TornAppend;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamFns;

/**
 * {@code kafka}: the event log on real Apache Kafka through its own clients. Each SPI call is the
 * Kafka call a user would make:
 * <ul>
 *   <li>append: a producer send with {@code acks=all} and idempotence, waited for; the offset is the
 *       one the broker assigned;</li>
 *   <li>read: a consumer with no group, {@code assign} and {@code seek}, polled up to the end offset
 *       (the high watermark) read just before;</li>
 *   <li>start and end offsets, and the offset for a time: the consumer's ListOffsets requests
 *       ({@code beginningOffsets}, {@code endOffsets}, {@code offsetsForTimes});</li>
 *   <li>retention: {@code Admin.deleteRecords}; consumer positions: the group's committed offsets
 *       through {@code Admin.alterConsumerGroupOffsets} / {@code listConsumerGroupOffsets};</li>
 *   <li>a bad record: the value deserializer refuses it and the consumer raises Kafka's own
 *       {@code RecordDeserializationException} with its partition and offset ({@link KafkaPoll}).</li>
 * </ul>
 *
 * <p>Where it differs from the SPI: timestamps must not be negative (Kafka refuses them, and
 * {@code -1} means "none"), so the offset for a negative time is the start offset; topics get
 * {@code retention.ms=-1} and no limit on how old a timestamp may be, since the spec's
 * timestamps are small numbers of milliseconds (1970) that time retention would delete.
 */
public final class KafkaLog implements EventLog {
  public static final EngineInfo INFO = EngineInfo.builder("kafka", Topic.LOG)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Apache Kafka")
      .description("Real Kafka brokers through the producer, consumer and admin clients; an embedded KRaft broker by"
          + " default, any cluster with bootstrap.servers. Appends acks=all; fsync left to the broker (Kafka's default).")
      .unsupported(LogClauses.DURABLE,
          "a crash in the middle of a record cannot be injected into a real broker: the broker writes each batch in its"
              + " own process, a client cannot stop it after a chosen fraction of a record's bytes, and a cluster named by"
              + " bootstrap.servers cannot be crashed at all; Kafka's recovery (truncating at the first batch whose CRC"
              + " fails) is Kafka's own, tested by Kafka")
      .build();

  private static final Duration POLL = Duration.ofMillis(100);

  /**
   * The {@code kafka@broker} row: the same engine against a broker in a JVM of its own on 127.0.0.1
   * ({@link KafkaLogOnBrokerProvider}), reached over the network as a cluster is.
   */
  public static final EngineInfo ON_BROKER = INFO.on("broker", "a KRaft broker in a separate JVM", java.util.Map.of());

  private final EngineInfo info;
  private final KafkaLogOptions options;
  private final AutoCloseable broker;
  private final Admin admin;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Set<String> created = new LinkedHashSet<>();

  /**
   * @param options a cluster ({@code bootstrap.servers} set)
   * @param broker  closed after the clients: the broker this log started (in this JVM or another), or null
   * @param info    {@link #INFO}, or the row of the deployment the log runs on
   */
  KafkaLog(KafkaLogOptions options, AutoCloseable broker, EngineInfo info) {
    this.info = info;
    this.options = options;
    this.broker = broker;
    long timeoutMs = options.timeout().toMillis();
    Map<String, Object> adminConfig = options.client();
    adminConfig.put("default.api.timeout.ms", (int) timeoutMs);
    this.admin = Admin.create(adminConfig);
    Map<String, Object> producerConfig = options.client();
    producerConfig.put("acks", "all");
    producerConfig.put("enable.idempotence", true);
    producerConfig.put("linger.ms", 0);  // an append is waited for one by one: nothing to batch with
    producerConfig.put("max.block.ms", timeoutMs);
    this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    this.consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
  }

  @Override public EngineInfo info() { return info; }

  /** Kafka acknowledges once the in-sync replicas have the batch in their page cache; it does not fsync each one. */
  @Override public Durability durability() { return Durability.FSYNC_ON_CLOSE; }

  @Override
  public synchronized void createTopic(String topic, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("topic '" + topic + "' needs at least one partition, not " + partitions);
    }
    NewTopic newTopic = new NewTopic(name(topic), Optional.of(partitions), options.replicationFactor())
        .configs(Map.of("retention.ms", "-1", "message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE),
            "message.timestamp.type", "CreateTime"));
    try {
      await(admin.createTopics(List.of(newTopic)).all(), "create topic " + topic);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof TopicExistsException) {
        throw new IllegalArgumentException("topic '" + topic + "' exists already", e);
      }
      throw e;
    }
    created.add(name(topic));
    // createTopics returns before every broker serves the topic: wait until the producer's metadata lists it.
    producer.partitionsFor(name(topic));
  }

  @Override
  public synchronized int partitions(String topic) {
    return await(admin.describeTopics(List.of(name(topic))).allTopicNames(), "describe topic " + topic)
        .get(name(topic)).partitions().size();
  }

  @Override
  public synchronized long append(String topic, int partition, LogRecord record) {
    ProducerRecord<String, String> sent = new ProducerRecord<>(name(topic), partition, record.timestamp(), record.key(), record.value());
    try {
      return producer.send(sent).get(options.timeout().toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("kafka: append to " + topic + "/" + partition + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("kafka: append to " + topic + "/" + partition + " not acknowledged in " + options.timeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("kafka: interrupted appending to " + topic + "/" + partition, e);
    }
  }

  @Override
  public synchronized List<LogEntry> read(String topic, int partition, long fromOffset, int maxRecords) {
    TopicPartition tp = checkedRange(topic, partition, fromOffset);
    long end = consumer.endOffsets(List.of(tp)).get(tp);
    List<LogEntry> entries = new ArrayList<>();
    consumer.assign(List.of(tp));
    consumer.seek(tp, fromOffset);
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (entries.size() < maxRecords && consumer.position(tp) < end) {
      for (ConsumerRecord<String, String> r : consumer.poll(POLL)) {
        if (entries.size() < maxRecords) {
          entries.add(new LogEntry(partition, r.offset(), new LogRecord(r.key(), r.value(), r.timestamp())));
        }
      }
      checkDeadline(deadline, topic, partition, tp, end);
    }
    return entries;
  }

  @Override
  public synchronized <T> Polled<T> poll(String topic, int partition, long fromOffset, int maxRecords, StreamFns.Parser<T> parser,
      OnBadRecord onBad) {
    TopicPartition tp = checkedRange(topic, partition, fromOffset);
    long end = consumer.endOffsets(List.of(tp)).get(tp);
    return new KafkaPoll<T>(consumerConfig(), topic, tp, options.timeout()).poll(fromOffset, end, maxRecords, parser, onBad);
  }

  @Override
  public synchronized long startOffset(String topic, int partition) {
    TopicPartition tp = tp(topic, partition);
    return consumer.beginningOffsets(List.of(tp)).get(tp);
  }

  @Override
  public synchronized long endOffset(String topic, int partition) {
    TopicPartition tp = tp(topic, partition);
    return consumer.endOffsets(List.of(tp)).get(tp);
  }

  @Override
  public synchronized long offsetForTime(String topic, int partition, long timestamp) {
    if (timestamp < 0) {
      return startOffset(topic, partition);  // Kafka refuses a negative target, and holds no negative timestamp
    }
    TopicPartition tp = tp(topic, partition);
    OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(tp, timestamp)).get(tp);
    return found == null ? endOffset(topic, partition) : found.offset();
  }

  @Override
  public synchronized void deleteBefore(String topic, int partition, long offset) {
    TopicPartition tp = tp(topic, partition);
    long start = consumer.beginningOffsets(List.of(tp)).get(tp);
    long end = consumer.endOffsets(List.of(tp)).get(tp);
    if (offset < start || offset > end) {
      throw new OffsetOutOfRangeException(topic, partition, offset, start, end);
    }
    if (offset > start) {
      await(admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(offset))).all(), "delete records of " + tp);
    }
  }

  @Override
  public synchronized void commit(String group, String topic, int partition, long nextOffset) {
    await(admin.alterConsumerGroupOffsets(options.prefix() + group, Map.of(tp(topic, partition), new OffsetAndMetadata(nextOffset))).all(),
        "commit " + group + " at " + topic + "/" + partition + "@" + nextOffset);
  }

  @Override
  public synchronized OptionalLong committed(String group, String topic, int partition) {
    Map<TopicPartition, OffsetAndMetadata> offsets = await(
        admin.listConsumerGroupOffsets(options.prefix() + group).partitionsToOffsetAndMetadata(), "committed offsets of " + group);
    OffsetAndMetadata at = offsets.get(tp(topic, partition));
    return at == null ? OptionalLong.empty() : OptionalLong.of(at.offset());
  }

  @Override
  public void crashDuring(TornAppend crash) {
    throw new UnsupportedOperationException("kafka: " + info.unsupported().get(LogClauses.DURABLE));
  }

  /** Closes the clients; on a cluster, deletes the topics this log made; then stops the embedded broker, if any. */
  @Override
  public synchronized void close() throws IOException {
    consumer.close();
    producer.close();
    try {
      if (broker == null && !created.isEmpty()) {
        await(admin.deleteTopics(created).all(), "delete topics " + created);
      }
    } finally {
      admin.close();
      if (broker != null) {
        try {
          broker.close();
        } catch (Exception e) {
          throw new IOException("kafka: stopping the broker it started failed: " + e.getMessage(), e);
        }
      }
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = options.client();
    config.put("enable.auto.commit", false);  // positions are committed only by commit()
    config.put("auto.offset.reset", "none");  // a position out of range is an error, never a silent jump
    config.put("default.api.timeout.ms", (int) options.timeout().toMillis());
    // A read stops at the end offset, where the consumer has already sent its next fetch; the broker
    // holds that fetch until data comes or fetch.max.wait.ms (500 ms) passes, and the next read's
    // seek waits for it. Measured: 4 s a case of the append-order property with the default, see README.
    config.putIfAbsent("fetch.max.wait.ms", 10);
    return config;
  }

  private TopicPartition checkedRange(String topic, int partition, long offset) {
    TopicPartition tp = tp(topic, partition);
    long start = consumer.beginningOffsets(List.of(tp)).get(tp);
    long end = consumer.endOffsets(List.of(tp)).get(tp);
    if (offset < start || offset > end) {
      throw new OffsetOutOfRangeException(topic, partition, offset, start, end);
    }
    return tp;
  }

  private void checkDeadline(long deadline, String topic, int partition, TopicPartition tp, long end) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("kafka: " + topic + "/" + partition + " stopped at " + consumer.position(tp) + " for "
          + options.timeout() + " though its end offset is " + end);
    }
  }

  private TopicPartition tp(String topic, int partition) { return new TopicPartition(name(topic), partition); }

  private String name(String topic) { return options.prefix() + topic; }

  private <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("kafka: " + what + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("kafka: " + what + " took more than " + options.timeout(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("kafka: interrupted: " + what, e);
    }
  }
}
