package org.bigdatalab.streaming.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.streaming.StreamingJob;

/**
 * Kafka's record time taken from the event itself, shifted by the engine's offset: this is where
 * the seed's example went wrong ({@code parseEventTimestamp} returned
 * {@code System.currentTimeMillis()}). A line that does not parse keeps the partition's time, so it
 * reaches the dead-letter branch without moving stream time; the flush record is far in the future.
 */
final class EventTimeExtractor<T> implements TimestampExtractor {
  private final StreamingJob<T, ?, ?> job;
  private final long offset;
  private final String flushLine;

  EventTimeExtractor(StreamingJob<T, ?, ?> job, long offset, String flushLine) {
    this.job = job;
    this.offset = offset;
    this.flushLine = flushLine;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    String line = (String) record.value();
    if (flushLine.equals(line)) {
      return Long.MAX_VALUE / 4;
    }
    try {
      return job.timestamp().of(job.parser().parse(line)) + offset;
    } catch (BadRecordException e) {
      return Math.max(partitionTime, 0);
    }
  }
}
