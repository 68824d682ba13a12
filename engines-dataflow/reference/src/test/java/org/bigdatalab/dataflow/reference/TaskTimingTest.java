package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * The reference engines time every task, on the wall clock and in CPU time, so skew can be read in
 * time as well as in records, and a task's own work told apart from waiting for a core or for GC.
 */
class TaskTimingTest {

  @Test
  void everyTaskOfEveryStageHasATime() throws Exception {
    try (ParallelDataflow df = new ParallelDataflow(2)) {
      ActionMetrics metrics = countWords(df);
      assertThat(metrics.stages()).hasSize(2).allSatisfy(s -> {
        assertThat(s.taskNanos()).hasSize(s.tasks()).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(s.slowestTaskNanos()).isEqualTo(s.taskNanos().stream().mapToLong(Long::longValue).max().orElseThrow());
      });
    }
  }

  @Test
  void everyTaskHasACpuTimeWithinItsWallTime() throws Exception {
    assumeThat(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()).as("JVM measures thread CPU time").isTrue();
    try (ParallelDataflow parallel = new ParallelDataflow(2); SequentialDataflow sequential = new SequentialDataflow()) {
      for (DataflowEngine df : List.<DataflowEngine>of(parallel, sequential)) {
        ActionMetrics metrics = countWords(df);
        assertThat(metrics.stages()).as(df.info().id()).hasSize(2).allSatisfy(s -> {
          assertThat(s.taskCpuNanos()).hasSize(s.tasks());
          for (int t = 0; t < s.tasks(); t++) {
            // the CPU clock is read inside the wall-clock window, on the task's one thread
            assertThat(s.taskCpuNanos().get(t)).isNotNegative().isLessThanOrEqualTo(s.taskNanos().get(t) + 1_000_000);
          }
          assertThat(s.maxTaskCpuNanos()).isEqualTo(s.taskCpuNanos().stream().mapToLong(Long::longValue).max().orElseThrow());
        });
        assertThat(metrics.stages().stream().mapToLong(StageMetrics::maxTaskCpuNanos).sum()).as("tasks did some work").isPositive();
      }
    }
  }

  @Test
  void timesMustMatchTheTasks() {
    assertThat(new StageMetrics(0, "map", List.of(1L, 2L), 0, 0).taskNanos()).isEmpty();
    assertThat(new StageMetrics(0, "map", List.of(1L, 2L), 0, 0, List.of(5L, 6L)).taskCpuNanos()).isEmpty();
    assertThatThrownBy(() -> new StageMetrics(0, "map", List.of(1L, 2L), 0, 0, List.of(5L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 entries for 2 tasks");
    assertThatThrownBy(() -> new StageMetrics(0, "map", List.of(1L, 2L), 0, 0, List.of(5L, 6L), List.of(1L, 2L, 3L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskCpuNanos has 3 entries for 2 tasks");
  }

  private static ActionMetrics countWords(DataflowEngine df) throws Exception {
    PairDataset<String, Long> counts = Dataset.of(List.of("a", "b", "a", "c"), 3)
        .<String, Long>mapToPair(w -> KeyValue.of(w, 1L)).reduceByKey(Long::sum, 2);
    return df.execute(Action.collect(counts.asDataset())).metrics();
  }
}
