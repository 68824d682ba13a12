package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/** The reference engines time every task, so skew can be read in wall-clock time as well as in records. */
class TaskTimingTest {

  @Test
  void everyTaskOfEveryStageHasATime() throws Exception {
    try (ParallelDataflow df = new ParallelDataflow(2)) {
      PairDataset<String, Long> counts = Dataset.of(List.of("a", "b", "a", "c"), 3)
          .<String, Long>mapToPair(w -> KeyValue.of(w, 1L)).reduceByKey(Long::sum, 2);
      ActionMetrics metrics = df.execute(Action.collect(counts.asDataset())).metrics();
      assertThat(metrics.stages()).hasSize(2).allSatisfy(s -> {
        assertThat(s.taskNanos()).hasSize(s.tasks()).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(s.slowestTaskNanos()).isEqualTo(s.taskNanos().stream().mapToLong(Long::longValue).max().orElseThrow());
      });
    }
  }

  @Test
  void timesMustMatchTheTasks() {
    assertThat(new StageMetrics(0, "map", List.of(1L, 2L), 0, 0).taskNanos()).isEmpty();
    assertThatThrownBy(() -> new StageMetrics(0, "map", List.of(1L, 2L), 0, 0, List.of(5L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 entries for 2 tasks");
  }
}
