package org.bigdatalab.log.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bigdatalab.log.Durability;
import org.bigdatalab.log.EventLog;
import org.bigdatalab.log.LogEntry;
import org.bigdatalab.log.LogRecord;
import org.bigdatalab.log.OffsetOutOfRangeException;
import org.bigdatalab.log.TornAppend;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * {@code log-memory}, the oracle: each partition is a list, an offset is an index into it plus the
 * number of records retention deleted. Written to be obviously right, not fast. A crash loses the
 * append in flight and nothing else: there is no file to tear.
 */
public class MemoryLog implements EventLog {
  public static final EngineInfo INFO = EngineInfo.builder("log-memory", Topic.LOG)
      .displayName("in-memory log (oracle)")
      .description("Partitions as lists in memory; the oracle of the event log clauses.")
      .build();

  /** A partition: the retained records and the offset of the first. */
  static final class Partition {
    long start;
    final List<LogRecord> records = new ArrayList<>();

    long end() { return start + records.size(); }
  }

  private final TopicTable<Partition> topics = new TopicTable<>();

  @Override public EngineInfo info() { return INFO; }

  @Override public Durability durability() { return Durability.MEMORY_ONLY; }

  @Override
  public synchronized void createTopic(String topic, int partitions) {
    topics.checkNew(topic, partitions);
    topics.create(topic, new Partition[partitions], p -> new Partition());
  }

  @Override public synchronized int partitions(String topic) { return topics.topic(topic).length; }

  @Override
  public synchronized long append(String topic, int partition, LogRecord record) {
    Partition p = topics.partition(topic, partition);
    p.records.add(record);
    return p.end() - 1;
  }

  @Override
  public synchronized List<LogEntry> read(String topic, int partition, long fromOffset, int maxRecords) {
    Partition p = topics.partition(topic, partition);
    if (fromOffset < p.start || fromOffset > p.end()) {
      throw new OffsetOutOfRangeException(topic, partition, fromOffset, p.start, p.end());
    }
    List<LogEntry> entries = new ArrayList<>();
    for (long o = fromOffset; o < p.end() && entries.size() < maxRecords; o++) {
      entries.add(new LogEntry(partition, o, p.records.get((int) (o - p.start))));
    }
    return entries;
  }

  @Override public synchronized long startOffset(String topic, int partition) { return topics.partition(topic, partition).start; }

  @Override public synchronized long endOffset(String topic, int partition) { return topics.partition(topic, partition).end(); }

  @Override
  public synchronized long offsetForTime(String topic, int partition, long timestamp) {
    Partition p = topics.partition(topic, partition);
    for (int i = 0; i < p.records.size(); i++) {
      if (p.records.get(i).timestamp() >= timestamp) {
        return p.start + i;
      }
    }
    return p.end();
  }

  @Override
  public synchronized void deleteBefore(String topic, int partition, long offset) {
    Partition p = topics.partition(topic, partition);
    if (offset < p.start || offset > p.end()) {
      throw new OffsetOutOfRangeException(topic, partition, offset, p.start, p.end());
    }
    p.records.subList(0, (int) (offset - p.start)).clear();
    p.start = offset;
  }

  @Override
  public synchronized void commit(String group, String topic, int partition, long nextOffset) {
    TopicTable.checkName("group", group);
    topics.commit(group, topic, partition, nextOffset);
  }

  @Override
  public synchronized OptionalLong committed(String group, String topic, int partition) {
    return topics.committed(group, topic, partition);
  }

  /** Memory has no torn bytes: the append in flight never happened, every acknowledged one is kept. */
  @Override
  public synchronized void crashDuring(TornAppend crash) {
    topics.partition(crash.topic(), crash.partition());
  }
}
