package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.IntStream;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.guide.Ch04_ShuffleExperiments.Experiment;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;
import org.junit.jupiter.api.Test;

/** Chapter 4's programs run, and their output carries the facts the chapter states. */
class Ch04Test {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  private static List<String> engines() {
    List<String> ids = GuideEngines.available(Ch04_LazyEvaluation.ENGINES, System.out);
    assertThat(ids).contains("df-sequential");
    return ids;
  }

  @Test
  void transformationsRunNothingEachActionRunsTheLineageAndCacheComputesOnce() throws Exception {
    List<Integer> squaresOver20 = IntStream.rangeClosed(1, 10).map(x -> x * x).filter(x -> x > 20).boxed().toList();
    for (String id : engines()) {
      try (DataflowEngine engine = GuideEngines.create(id, DataflowEngine.class)) {
        Ch04_LazyEvaluation.Counts c = Ch04_LazyEvaluation.run(engine, NOWHERE);
        assertThat(c.afterTransformations()).isZero();
        assertThat(c.afterCollect()).isEqualTo(10);
        assertThat(c.afterReduce()).as("reduce is an action: it runs the lineage again").isEqualTo(20);
        assertThat(c.collected()).containsExactlyElementsOf(squaresOver20);
        assertThat(c.sum()).contains(squaresOver20.stream().mapToInt(Integer::intValue).sum());
        assertThat(c.cachedAfterTransformations()).isZero();
        assertThat(c.cachedAfterFirst()).isEqualTo(10);
        assertThat(c.cachedAfterSecond()).isEqualTo(10);
        assertThat(c.stagesFromCache()).isEqualTo(1);
      }
    }
    String out = GuideTesting.output(Ch04_LazyEvaluation::run);
    assertThat(out).contains("map calls after map and filter: 0").contains("(the squares were computed again)")
        .contains("map calls 0 after the transformations, 10 after count(), 10 after reduce(+)");
  }

  @Test
  void theSeedsSplitMakesAnEmptyWordAndTheGroupByMatchesAPlainComputation() throws Exception {
    for (String id : engines()) {
      try (DataflowEngine engine = GuideEngines.create(id, DataflowEngine.class)) {
        Dataset<String> lines = Dataset.of(Ch04_WordCountAndGroupBy.TEXT, 2);
        List<KeyValue<String, Long>> seed = engine.collect(Ch04_WordCountAndGroupBy.wordCount(lines, true).asDataset());
        List<KeyValue<String, Long>> spec = engine.collect(Ch04_WordCountAndGroupBy.wordCount(lines, false).asDataset());
        assertThat(seed).contains(KeyValue.of("", 1L), KeyValue.of("The", 1L), KeyValue.of("the", 2L));
        assertThat(spec).contains(KeyValue.of("the", 3L)).noneMatch(kv -> kv.key().isEmpty());
        List<KeyValue<Pair<String, String>, KeyStats>> top =
            Ch04_WordCountAndGroupBy.topSpenders(engine, Dataset.of(Ch04_WordCountAndGroupBy.EVENTS, 3), 3);
        assertThat(top).hasSize(3);
        for (KeyValue<Pair<String, String>, KeyStats> row : top) {
          List<Long> amounts = Ch04_WordCountAndGroupBy.EVENTS.stream()
              .filter(e -> e.type().equals("purchase") && e.user().equals(row.key().first())
                  && e.category().equals(row.key().second()))
              .map(Ch04_WordCountAndGroupBy.Event::amount).toList();
          assertThat(row.value().count()).isEqualTo(amounts.size());
          assertThat(row.value().sum()).isEqualTo(amounts.stream().mapToLong(Long::longValue).sum());
        }
        assertThat(top.get(0).value().sum()).isGreaterThanOrEqualTo(top.get(1).value().sum());
        assertThat(top.get(1).value().sum()).isGreaterThanOrEqualTo(top.get(2).value().sum());
      }
    }
  }

  @Test
  void eachOptimisationMovesFewerRecordsAndKeepsTheResult() throws Exception {
    int events = Ch04_ShuffleExperiments.EVENTS;
    int keys = Ch04_ShuffleExperiments.KEYS;
    int partitions = Ch04_ShuffleExperiments.PARTITIONS;
    for (String id : engines()) {
      try (DataflowEngine engine = GuideEngines.create(id, DataflowEngine.class)) {
        List<Experiment> ex = Ch04_ShuffleExperiments.experiments(engine);
        assertThat(ex).allSatisfy(e -> assertThat(e.sameResult()).as(e.name()).isTrue());
        Experiment join = ex.get(0);
        assertThat(join.wrong().shuffledRecords()).isEqualTo(events + keys);
        assertThat(join.right().shuffledRecords()).isZero();
        assertThat(join.right().stages()).anyMatch(s -> s.broadcastRecords() == keys);
        Experiment aggregate = ex.get(1);
        assertThat(aggregate.wrong().shuffledRecords()).isEqualTo(events);
        assertThat(aggregate.right().shuffledRecords()).isEqualTo((long) keys * partitions);
        Experiment parts = ex.get(2);
        assertThat(parts.wrong().shuffledRecords()).isEqualTo(events);
        assertThat(parts.right().shuffledRecords()).isZero();
        assertThat(parts.right().stages()).hasSize(1);
        assertThat(parts.right().stages().get(0).tasks()).isEqualTo(2);
        assertThat(parts.right().stages().get(0).largestTask()).isEqualTo(events / 2);
        assertThat(parts.wrong().stages().get(0).tasks()).isEqualTo(partitions);
      }
    }
    String out = GuideTesting.output(Ch04_ShuffleExperiments::run);
    assertThat(out).doesNotContain("same result both ways: false")
        .contains("reduceByKey(sum) shuffled    800 records").contains("broadcast join   shuffled      0 records");
  }
}
