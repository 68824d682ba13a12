package org.bigdatalab.lambda;

/**
 * Where a replay starts in every partition: at the earliest retained offset, or at the first
 * offset at or after a time (Kafka: {@code offsetsForTimes}; Spark's Kafka source takes
 * {@code startingOffsets} as "earliest", "latest" or per-partition JSON offsets, and a time only as
 * {@code startingTimestamp}: a date string is not an offset).
 */
public sealed interface StartFrom {

  record Earliest() implements StartFrom {
    @Override public String toString() { return "earliest"; }
  }

  record AtTime(long timestamp) implements StartFrom {
    @Override public String toString() { return "first offset at or after t=" + timestamp; }
  }

  static StartFrom earliest() { return new Earliest(); }

  static StartFrom atTime(long timestamp) { return new AtTime(timestamp); }
}
