package org.bigdatalab.log.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bigdatalab.log.BadLogRecordException;
import org.bigdatalab.log.OnBadRecord;
import org.bigdatalab.log.Polled;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.StreamFns;

/**
 * One poll that deserializes the way a Kafka application does: the parser is the consumer's value
 * deserializer, so a bad record stops the consumer with Kafka's own
 * {@code RecordDeserializationException}, which names the partition and offset. Failing turns it
 * into the SPI's {@link BadLogRecordException}; skipping seeks past the record (the consumer would
 * raise it again otherwise) and lists it. A consumer per poll, because a Kafka consumer's
 * deserializer is fixed when it is made.
 */
final class KafkaPoll<T> {
  private static final Duration POLL = Duration.ofMillis(100);

  private final Map<String, Object> config;
  private final String topic;
  private final TopicPartition tp;
  private final Duration timeout;

  KafkaPoll(Map<String, Object> config, String topic, TopicPartition tp, Duration timeout) {
    this.config = config;
    this.topic = topic;
    this.tp = tp;
    this.timeout = timeout;
  }

  /** Up to {@code max} records (values and skipped ones together, as the SPI's default poll counts them) before {@code end}. */
  Polled<T> poll(long from, long end, int max, StreamFns.Parser<T> parser, OnBadRecord onBad) {
    List<Polled.Value<T>> values = new ArrayList<>();
    List<Polled.Skipped> skipped = new ArrayList<>();
    long next = from;
    try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), parsing(parser))) {
      consumer.assign(List.of(tp));
      consumer.seek(tp, from);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (values.size() + skipped.size() < max && next < end) {
        try {
          for (ConsumerRecord<String, T> r : consumer.poll(POLL)) {
            if (values.size() + skipped.size() < max) {
              values.add(new Polled.Value<>(tp.partition(), r.offset(), r.timestamp(), r.value()));
              next = r.offset() + 1;
            }
          }
        } catch (RecordDeserializationException e) {
          if (!(e.getCause() instanceof BadRecordException bad)) {
            throw e;  // not the parser's refusal: a bug, not a bad record
          }
          if (onBad == OnBadRecord.FAIL) {
            throw new BadLogRecordException(topic, e.topicPartition().partition(), e.offset(), bad);
          }
          skipped.add(new Polled.Skipped(e.topicPartition().partition(), e.offset(), bad.getMessage()));
          next = e.offset() + 1;
          consumer.seek(tp, next);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("kafka: " + topic + "/" + tp.partition() + " stopped at " + next + " for " + timeout
              + " though its end offset is " + end);
        }
      }
    }
    return new Polled<>(values, next, skipped);
  }

  private static <T> Deserializer<T> parsing(StreamFns.Parser<T> parser) {
    return (kafkaTopic, bytes) -> parser.parse(new String(bytes, StandardCharsets.UTF_8));
  }
}
