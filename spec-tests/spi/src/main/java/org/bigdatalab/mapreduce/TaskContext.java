package org.bigdatalab.mapreduce;

/** What a map or reduce function may know about the task it runs in. */
public interface TaskContext {

  /** The task, e.g. {@code m-00003} or {@code r-00001}; the same for every attempt of that task. */
  String taskId();

  /** The attempt number, 0 for the first attempt, 1 for the first retry, and so on. */
  int attempt();

  /**
   * The name of the input file being mapped (its last path element); empty in reduce tasks and in
   * combiners (which may also run while merging, away from any one file).
   */
  String inputFile();
}
