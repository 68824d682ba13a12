package org.bigdatalab.log;

/** A record as stored: where it is (partition and offset) and what was appended. */
public record LogEntry(int partition, long offset, LogRecord record) {

  public long timestamp() { return record.timestamp(); }

  @Override
  public String toString() { return partition + "@" + offset + ":" + record; }
}
