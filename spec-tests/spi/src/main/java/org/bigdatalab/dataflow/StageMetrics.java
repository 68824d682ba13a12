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
 * @param taskCpuNanos       each task's CPU time on its thread (Spark's executorCpuTime beside executorRunTime), in
 *                           the same order; empty when the engine cannot measure it. Wall time also counts waiting
 *                           for a core and stop-the-world GC pauses, which hit every running task alike; CPU time
 *                           is the task's own work.
 */
public record StageMetrics(int id, String start, List<Long> taskInputRecords, long shuffleWriteRecords,
                           long broadcastRecords, List<Long> taskNanos, List<Long> taskCpuNanos) {

  public StageMetrics {
    taskInputRecords = List.copyOf(taskInputRecords);
    taskNanos = List.copyOf(taskNanos);
    taskCpuNanos = List.copyOf(taskCpuNanos);
    perTask("taskNanos", taskNanos, taskInputRecords.size());
    perTask("taskCpuNanos", taskCpuNanos, taskInputRecords.size());
  }

  /** A stage whose tasks were timed on the wall clock only. */
  public StageMetrics(int id, String start, List<Long> taskInputRecords, long shuffleWriteRecords, long broadcastRecords,
                      List<Long> taskNanos) {
    this(id, start, taskInputRecords, shuffleWriteRecords, broadcastRecords, taskNanos, List.of());
  }

  /** A stage whose tasks were not timed. */
  public StageMetrics(int id, String start, List<Long> taskInputRecords, long shuffleWriteRecords, long broadcastRecords) {
    this(id, start, taskInputRecords, shuffleWriteRecords, broadcastRecords, List.of(), List.of());
  }

  private static void perTask(String name, List<Long> times, int tasks) {
    if (!times.isEmpty() && times.size() != tasks) {
      throw new IllegalArgumentException(name + " has " + times.size() + " entries for " + tasks + " tasks");
    }
  }

  public int tasks() { return taskInputRecords.size(); }

  public long largestTask() { return taskInputRecords.stream().mapToLong(Long::longValue).max().orElse(0); }

  /** The slowest task's wall-clock time; 0 when tasks were not timed. */
  public long slowestTaskNanos() { return taskNanos.stream().mapToLong(Long::longValue).max().orElse(0); }

  /** The most CPU time any one task used; 0 when the engine did not measure it. */
  public long maxTaskCpuNanos() { return taskCpuNanos.stream().mapToLong(Long::longValue).max().orElse(0); }
}
