package org.bigdatalab.log;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.streaming.StreamFns;

/**
 * An append-only, partitioned event log, as Kafka is one: records are appended to a partition of a
 * topic and get consecutive offsets there; consumers read a partition from any retained offset,
 * or from the first offset at or after a time, and keep their positions under a group name.
 * See {@link LogClauses} for what every log promises.
 *
 * <p>Assumptions and guarantees:
 * <ol>
 *   <li>A partition's offsets start at 0 and grow by one per append; {@link #append} returns once
 *       the record is acknowledged, under the engine's {@link #durability()}. Example: three
 *       appends to a new partition return 0, 1, 2, and {@code endOffset} is then 3.</li>
 *   <li>{@link #read} returns the records from {@code fromOffset} on, in append order, each offset
 *       once; reading at the end offset returns nothing; below the start offset (retention) or
 *       past the end it throws {@link OffsetOutOfRangeException}.</li>
 *   <li>{@link #offsetForTime} is the first offset whose record's timestamp is at or after the
 *       time (Kafka's {@code offsetsForTimes}), or the end offset when there is none. Timestamps need
 *       not grow with offsets.</li>
 *   <li>A committed position is the offset a consumer of the group reads next (Kafka's rule: the
 *       last record processed plus one).</li>
 * </ol>
 */
public interface EventLog extends Engine {

  /** The fsync policy this log acknowledges appends under. */
  Durability durability();

  /** Creates a topic of {@code partitions} empty partitions; a topic that exists is refused. */
  void createTopic(String topic, int partitions);

  int partitions(String topic);

  /** Appends and returns the record's offset once it is acknowledged. */
  long append(String topic, int partition, LogRecord record);

  /** At most {@code maxRecords} records from {@code fromOffset} on, in append order. */
  List<LogEntry> read(String topic, int partition, long fromOffset, int maxRecords);

  /** The first offset still held (0 until retention deletes records). */
  long startOffset(String topic, int partition);

  /** The offset the next append gets. */
  long endOffset(String topic, int partition);

  /** The first offset whose timestamp is at or after {@code timestamp}, or the end offset. */
  long offsetForTime(String topic, int partition, long timestamp);

  /** Retention: deletes the records before {@code offset}; the start offset becomes {@code offset}. */
  void deleteBefore(String topic, int partition, long offset);

  /** Records that the group reads the partition from {@code nextOffset} next. */
  void commit(String group, String topic, int partition, long nextOffset);

  /** The group's committed position in the partition, if it committed one. */
  OptionalLong committed(String group, String topic, int partition);

  /**
   * Crashes in the middle of an append as {@code crash} describes, then restarts and recovers as the
   * engine would after a real crash: every acknowledged append is kept, the torn record is cut (or
   * kept whole, when all of its bytes were written), and appends go on after what was kept.
   *
   * @throws UnsupportedOperationException where the engine declares {@code log.durable} unsupported
   */
  void crashDuring(TornAppend crash);

  /**
   * Reads at most {@code maxRecords} records and deserializes their values with {@code parser}. A
   * value the parser refuses fails the poll with a {@link BadLogRecordException} naming the topic,
   * partition, offset, field and problem, or is skipped and listed, as {@code onBad} says.
   */
  default <T> Polled<T> poll(String topic, int partition, long fromOffset, int maxRecords, StreamFns.Parser<T> parser,
      OnBadRecord onBad) {
    List<Polled.Value<T>> values = new ArrayList<>();
    List<Polled.Skipped> skipped = new ArrayList<>();
    long next = fromOffset;
    for (LogEntry entry : read(topic, partition, fromOffset, maxRecords)) {
      next = entry.offset() + 1;
      try {
        values.add(new Polled.Value<>(partition, entry.offset(), entry.timestamp(), parser.parse(entry.record().value())));
      } catch (BadRecordException e) {
        if (onBad == OnBadRecord.FAIL) {
          throw new BadLogRecordException(topic, partition, entry.offset(), e);
        }
        skipped.add(new Polled.Skipped(partition, entry.offset(), e.getMessage()));
      }
    }
    return new Polled<>(values, next, skipped);
  }
}
