package org.bigdatalab.mapreduce.hadoop;

import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.bigdatalab.mapreduce.TaskContext;

/**
 * A Hadoop task attempt as the spec's functions see it: {@code attempt_…_m_000003_1} becomes task
 * {@code m-00003}, attempt 1.
 *
 * @param inputFile the last path element of the map task's split; empty in reduce tasks and combiners
 */
record HadoopTaskContext(String taskId, int attempt, String inputFile) implements TaskContext {

  static HadoopTaskContext of(TaskAttemptID id, String inputFile) {
    return new HadoopTaskContext(taskId(id), id.getId(), inputFile);
  }

  /** {@code m-00003} / {@code r-00001}, the SPI's spelling of a Hadoop task id. */
  static String taskId(TaskAttemptID id) {
    TaskType type = id.getTaskType();
    String prefix = switch (type) {
      case MAP -> "m";
      case REDUCE -> "r";
      default -> type.name().toLowerCase(java.util.Locale.ROOT);
    };
    return String.format("%s-%05d", prefix, id.getTaskID().getId());
  }
}
