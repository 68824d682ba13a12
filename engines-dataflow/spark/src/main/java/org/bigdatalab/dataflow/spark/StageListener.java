package org.bigdatalab.dataflow.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.StageMetrics;

/**
 * Turns Spark's listener events into the SPI's {@link ActionMetrics}: for the jobs of one action
 * (one job group), each completed stage with the records every task read (input plus shuffle read)
 * and the records it wrote to a shuffle. Stages Spark skips (shuffle output reused) are not listed.
 * The stage's {@code start} is Spark's stage name (the call site), not an SPI operation name.
 */
final class StageListener extends SparkListener {
  private record Stage(String name, Map<Integer, Long> taskRecords, Map<Integer, Long> taskNanos, Map<Integer, Long> taskCpuNanos,
                       long[] shuffleWrite) {
    static Stage empty(String name) {
      return new Stage(name, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new long[1]);
    }
  }

  private final Set<Integer> stagesOfGroup = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Stage> stages = new ConcurrentHashMap<>();
  private volatile String group;

  void begin(String jobGroup) {
    stagesOfGroup.clear();
    stages.clear();
    group = jobGroup;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    String jobGroup = jobStart.properties() == null ? null : jobStart.properties().getProperty("spark.jobGroup.id");
    if (jobGroup != null && jobGroup.equals(group)) {
      scala.jdk.javaapi.CollectionConverters.asJava(jobStart.stageIds()).forEach(id -> stagesOfGroup.add((Integer) id));
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    TaskMetrics m = taskEnd.taskMetrics();
    if (m == null || !stagesOfGroup.contains(taskEnd.stageId())) {
      return;
    }
    Stage stage = stages.computeIfAbsent(taskEnd.stageId(), id -> Stage.empty(""));
    int task = taskEnd.taskInfo().index();
    stage.taskRecords().merge(task, m.inputMetrics().recordsRead() + m.shuffleReadMetrics().recordsRead(), Long::sum);
    // Spark's task wall time on its launch-to-finish clock (ms): what a straggler costs the stage.
    stage.taskNanos().merge(task, taskEnd.taskInfo().duration() * 1_000_000L, Long::sum);
    // executorCpuTime (ns): the task's own thread, without the waits and GC pauses the wall time counts
    stage.taskCpuNanos().merge(task, m.executorCpuTime(), Long::sum);
    synchronized (stage) {
      stage.shuffleWrite()[0] += m.shuffleWriteMetrics().recordsWritten();
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted completed) {
    int id = completed.stageInfo().stageId();
    if (stagesOfGroup.contains(id)) {
      Stage old = stages.getOrDefault(id, Stage.empty(""));
      stages.put(id, new Stage(completed.stageInfo().name(), old.taskRecords(), old.taskNanos(), old.taskCpuNanos(),
          old.shuffleWrite()));
    }
  }

  /** What the action's stages did; call after the listener bus has delivered the action's events. */
  ActionMetrics metrics() {
    List<StageMetrics> out = new ArrayList<>();
    new TreeMap<>(stages).forEach((id, s) -> out.add(new StageMetrics(id, s.name(),
        new TreeMap<>(s.taskRecords()).values().stream().toList(), s.shuffleWrite()[0], 0,
        new TreeMap<>(s.taskNanos()).values().stream().toList(), new TreeMap<>(s.taskCpuNanos()).values().stream().toList())));
    return new ActionMetrics(out);
  }
}
