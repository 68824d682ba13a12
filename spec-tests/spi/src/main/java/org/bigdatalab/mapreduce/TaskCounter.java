package org.bigdatalab.mapreduce;

/** The standard counters, named as Hadoop's {@code TaskCounter} names them. */
public enum TaskCounter {
  MAP_INPUT_RECORDS,
  MAP_OUTPUT_RECORDS,
  MAP_SKIPPED_RECORDS,
  COMBINE_INPUT_RECORDS,
  COMBINE_OUTPUT_RECORDS,
  SPILLED_RECORDS,
  REDUCE_INPUT_GROUPS,
  REDUCE_INPUT_RECORDS,
  REDUCE_OUTPUT_RECORDS
}
