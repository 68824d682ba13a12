package org.bigdatalab.log.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.log.OnBadRecord;
import org.bigdatalab.log.Polled;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamFns;

/**
 * Deliberately broken logs, each wrong in one classic way and otherwise {@code log-memory} or
 * {@code log-local}. {@link LogSelfTest} shows that the matching clause catches each one.
 */
final class BrokenLogs {
  private BrokenLogs() {}

  private static EngineInfo broken(String id, String what) {
    return EngineInfo.builder(id, Topic.LOG).kind(EngineInfo.Kind.BROKEN).description(what).build();
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("broken-log");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Recovery trusts a record's length field and skips the checksum: a torn tail comes back as a record, cut short. */
  static final class ReturnsTornRecord extends LocalLog {
    ReturnsTornRecord() { super(tempDir(), true, 200, Durability.FSYNC_EVERY_APPEND); }

    @Override public EngineInfo info() { return broken("broken-log-torn-record", "no checksum check; a short tail is read as a record"); }

    @Override
    PartitionLog partitionLog(Path dir) throws IOException {
      return new PartitionLog(dir, 200, Durability.FSYNC_EVERY_APPEND) {
        @Override
        RecordFormat.Decoded decode(byte[] bytes, int position, int limit, long offset) {
          RecordFormat.Decoded whole = RecordFormat.decode(bytes, position, limit, offset);
          if (whole.ok() || limit - position < RecordFormat.HEADER + 20) {
            return whole;
          }
          ByteBuffer b = ByteBuffer.wrap(bytes, position, limit - position);
          b.getInt();
          b.getInt();
          b.getLong();
          long timestamp = b.getLong();
          int keyLength = b.getInt();
          if (keyLength < -1 || keyLength > b.remaining()) {
            return whole;
          }
          String key = keyLength < 0 ? null : new String(bytes, b.position(), keyLength, StandardCharsets.UTF_8);
          int valueAt = b.position() + Math.max(0, keyLength) + 4;
          String value = valueAt >= limit ? "" : new String(bytes, valueAt, limit - valueAt, StandardCharsets.UTF_8);
          return new RecordFormat.Decoded(new LogRecord(key, value, timestamp), limit - position, null);
        }
      };
    }
  }

  /** Acknowledges an append before writing it (a write-behind queue): the crash takes the last acknowledged record with it. */
  static final class LosesAckedAppend extends LocalLog {
    LosesAckedAppend() { super(tempDir(), true, 1 << 20, Durability.FSYNC_ON_CLOSE); }

    @Override public EngineInfo info() { return broken("broken-log-loses-acked", "acknowledges before the write reaches the file"); }

    @Override
    PartitionLog partitionLog(Path dir) throws IOException {
      return new PartitionLog(dir, 1 << 20, Durability.FSYNC_ON_CLOSE) {
        @Override
        void tear(byte[] record, int length, byte[] staleAfter) throws IOException {
          Segment segment = last();
          if (segment.count() > 0) {
            segment.truncate(segment.positionOf(segment.end() - 1));
          }
          super.tear(record, length, staleAfter);
        }
      };
    }
  }

  /** Hands out each read's records sorted by timestamp, as if the log were ordered by event time. */
  static final class ReordersByTime extends MemoryLog {
    @Override public EngineInfo info() { return broken("broken-log-reorders", "reads sorted by timestamp"); }

    @Override
    public synchronized List<LogEntry> read(String topic, int partition, long fromOffset, int maxRecords) {
      List<LogEntry> entries = new ArrayList<>(super.read(topic, partition, fromOffset, maxRecords));
      entries.sort(Comparator.comparingLong(LogEntry::timestamp));
      return entries;
    }
  }

  /** Takes "at or after t" as "after t": a record exactly at t is skipped by a replay from t. */
  static final class TimeStrictlyAfter extends MemoryLog {
    @Override public EngineInfo info() { return broken("broken-log-time-after", "offset for time t is the first after t"); }

    @Override
    public synchronized long offsetForTime(String topic, int partition, long timestamp) {
      return super.offsetForTime(topic, partition, timestamp == Long.MAX_VALUE ? timestamp : timestamp + 1);
    }
  }

  /** Drops records that fail to deserialize, without an error and without a count. */
  static final class SkipsBadRecordsSilently extends MemoryLog {
    @Override public EngineInfo info() { return broken("broken-log-skips-bad", "bad records vanish"); }

    @Override
    public <T> Polled<T> poll(String topic, int partition, long fromOffset, int maxRecords, StreamFns.Parser<T> parser,
        OnBadRecord onBad) {
      Polled<T> all = super.poll(topic, partition, fromOffset, maxRecords, parser, OnBadRecord.SKIP);
      return new Polled<>(all.values(), all.nextOffset(), List.of()); // the bug: neither reported nor counted
    }
  }
}
