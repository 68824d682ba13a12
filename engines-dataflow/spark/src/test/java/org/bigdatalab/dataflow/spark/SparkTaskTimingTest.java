package org.bigdatalab.dataflow.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionMetrics;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/** Spark's task times (run time and executor CPU time) reach the SPI's metrics, one per task, beside its record counts. */
class SparkTaskTimingTest {

  @Test
  void everyTaskOfEveryStageHasATime() throws Exception {
    try (SparkDataflow spark = new SparkDataflow(new EngineOptions(Map.of("spark.master", "local[2]")))) {
      PairDataset<String, Long> counts = Dataset.of(List.of("a", "b", "a", "c"), 3)
          .<String, Long>mapToPair(w -> KeyValue.of(w, 1L)).reduceByKey(Long::sum, 2);
      ActionMetrics metrics = spark.execute(Action.collect(counts.asDataset())).metrics();
      assertThat(metrics.stages()).hasSize(2).allSatisfy(s -> {
        assertThat(s.taskNanos()).hasSize(s.tasks()).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(s.taskCpuNanos()).hasSize(s.tasks()).allSatisfy(n -> assertThat(n).isNotNegative());
      });
      // executorCpuTime is in nanoseconds and counts the task's work: some task of the action did some
      assertThat(metrics.stages().stream().mapToLong(StageMetrics::maxTaskCpuNanos).sum()).isPositive();
    }
  }
}
