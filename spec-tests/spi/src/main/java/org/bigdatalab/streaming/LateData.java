package org.bigdatalab.streaming;

/**
 * What an engine does with events beyond the allowed lateness: a declaration, so the spec asserts
 * the behaviour the engine claims. Silently dropping them is not an option.
 */
public enum LateData {
  /** Each one appears in {@link StreamingResult#late()} (Flink's {@code sideOutputLateData}). */
  SIDE_OUTPUT,
  /** Each one is counted in {@link StreamingResult#droppedLate()} (Kafka Streams' dropped-records metric). */
  COUNTED_DROP
}
