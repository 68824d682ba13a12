package org.bigdatalab.dataflow;

import java.util.List;

/**
 * What one stage of an action did. A stage is a pipeline of narrow operations run as one task per
 * partition; it starts at a source, a cached dataset or a shuffle read (named by {@code start}, e.g.
 * {@code parallelize}, {@code cache}, {@code reduceByKey}, {@code join}) and ends where its records
 * are written to a shuffle or handed to the action.
 *
 * @param id                 order in which the engine ran it, from 0
 * @param start              the operation the stage starts with
 * @param taskInputRecords   records each task read at the start (a join task: its streamed, left records)
 * @param shuffleWriteRecords records the stage wrote to a shuffle at its end (after any map-side combine)
 * @param broadcastRecords   records the stage sent to every task of another stage (a broadcast join's small side)
 * @param taskNanos          each task's wall-clock time, in the order of {@code taskInputRecords}; empty when
 *                           the engine does not time its tasks. For what skew costs in time, not only in records.
 */
public record StageMetrics(int id, String start, List<Long> taskInputRecords, long shuffleWriteRecords,
                           long broadcastRecords, List<Long> taskNanos) {

  public StageMetrics {
    taskInputRecords = List.copyOf(taskInputRecords);
    taskNanos = List.copyOf(taskNanos);
    if (!taskNanos.isEmpty() && taskNanos.size() != taskInputRecords.size()) {
      throw new IllegalArgumentException("taskNanos has " + taskNanos.size() + " entries for " + taskInputRecords.size() + " tasks");
    }
  }

  /** A stage whose tasks were not timed. */
  public StageMetrics(int id, String start, List<Long> taskInputRecords, long shuffleWriteRecords, long broadcastRecords) {
    this(id, start, taskInputRecords, shuffleWriteRecords, broadcastRecords, List.of());
  }

  public int tasks() { return taskInputRecords.size(); }

  public long largestTask() { return taskInputRecords.stream().mapToLong(Long::longValue).max().orElse(0); }

  /** The slowest task's wall-clock time; 0 when tasks were not timed. */
  public long slowestTaskNanos() { return taskNanos.stream().mapToLong(Long::longValue).max().orElse(0); }
}
