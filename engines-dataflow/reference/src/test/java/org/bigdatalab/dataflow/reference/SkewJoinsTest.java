package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.jobs.SkewJoins;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/** The hand-salted join, kept for benchmarks and the guide, gives the plain join's pairs. */
class SkewJoinsTest {

  @Test
  void saltedJoinEqualsPlainJoin() throws Exception {
    List<KeyValue<String, Integer>> large = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      large.add(KeyValue.of(i % 4 == 0 ? "cold" + i % 7 : "hot", i));
    }
    PairDataset<String, Integer> left = PairDataset.of(Dataset.of(large, 3));
    PairDataset<String, String> right = PairDataset.of(Dataset.of(
        List.of(KeyValue.of("hot", "h"), KeyValue.of("cold0", "c"), KeyValue.of("hot", "h2")), 2));
    try (ParallelDataflow engine = new ParallelDataflow(2)) {
      assertThat(engine.collect(SkewJoins.saltedJoin(left, right, 4, 5).asDataset()))
          .containsExactlyInAnyOrderElementsOf(engine.collect(left.join(right).asDataset()));
    }
  }
}
