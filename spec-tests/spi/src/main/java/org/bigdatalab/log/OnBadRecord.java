package org.bigdatalab.log;

/** What a consumer does with a record its deserializer refuses: stop (the default) or skip and count it. */
public enum OnBadRecord {
  /** The poll fails with a {@link BadLogRecordException} naming the partition, offset, field and problem. */
  FAIL,
  /** The record is left out of the poll and counted in {@link Polled#skipped()}, with its position. */
  SKIP
}
